namespace Alicia.SpeechEval;

/// <summary>
/// White noise at a fixed RMS level mixed into what the microphone hears, as a room with a fan or a cheap microphone
/// adds it. Seeded per utterance, so every run hears the same noise.
/// </summary>
internal sealed class BackgroundNoise(double dbfs)
{
    // Uniform noise in [-a, a] has an RMS of a / sqrt(3).
    private readonly int _amplitude = (int)Math.Round(32768 * Math.Pow(10, dbfs / 20) * Math.Sqrt(3));
    private int _utterances;

    public short[] MixInto(short[] samples)
    {
        var random = new Random(Interlocked.Increment(ref _utterances));
        var noisy = new short[samples.Length];
        for (var i = 0; i < samples.Length; i++)
        {
            noisy[i] = (short)Math.Clamp(samples[i] + random.Next(-_amplitude, _amplitude + 1), short.MinValue, short.MaxValue);
        }

        return noisy;
    }
}
