namespace Alicia.Audio.Tests;

/// <summary>Synthetic test audio: tones, noise and silence with known levels.</summary>
internal static class Signals
{
    public static short[] Sine(double frequency, double seconds, int sampleRate, double amplitude = 0.5)
    {
        var samples = new short[(int)Math.Round(seconds * sampleRate)];
        for (int i = 0; i < samples.Length; i++)
        {
            samples[i] = (short)Math.Round(amplitude * short.MaxValue * Math.Sin(2 * Math.PI * frequency * i / sampleRate));
        }

        return samples;
    }

    public static short[] Silence(double seconds, int sampleRate = SpeechFormat.SampleRate) =>
        new short[(int)Math.Round(seconds * sampleRate)];

    /// <summary>White noise with the given RMS level in dBFS (reproducible through <paramref name="seed"/>).</summary>
    public static short[] Noise(double seconds, double rmsDbfs, int seed, int sampleRate = SpeechFormat.SampleRate)
    {
        var random = new Random(seed);
        double rms = short.MaxValue * Math.Pow(10, rmsDbfs / 20);

        // Uniform noise in [-a, a] has RMS a / sqrt(3).
        double amplitude = rms * Math.Sqrt(3);
        var samples = new short[(int)Math.Round(seconds * sampleRate)];
        for (int i = 0; i < samples.Length; i++)
        {
            samples[i] = (short)Math.Clamp(Math.Round(((random.NextDouble() * 2) - 1) * amplitude), short.MinValue, short.MaxValue);
        }

        return samples;
    }

    /// <summary>
    /// Something that looks like speech to an energy detector: noise shaped by a syllable-rate
    /// envelope (about 4 Hz) that never drops to silence, at roughly the given level.
    /// </summary>
    public static short[] SpeechLike(double seconds, double rmsDbfs, int seed, int sampleRate = SpeechFormat.SampleRate)
    {
        var noise = Noise(seconds, rmsDbfs, seed, sampleRate);
        for (int i = 0; i < noise.Length; i++)
        {
            double envelope = 0.6 + (0.4 * Math.Sin(2 * Math.PI * 4 * i / sampleRate));
            noise[i] = (short)Math.Round(noise[i] * envelope);
        }

        return noise;
    }

    public static short[] Concat(params short[][] parts)
    {
        var all = new short[parts.Sum(p => p.Length)];
        int offset = 0;
        foreach (var part in parts)
        {
            part.CopyTo(all, offset);
            offset += part.Length;
        }

        return all;
    }

    /// <summary>Adds <paramref name="noise"/> onto a copy of <paramref name="signal"/>, saturating.</summary>
    public static short[] Mix(short[] signal, short[] noise)
    {
        var mixed = new short[signal.Length];
        for (int i = 0; i < signal.Length; i++)
        {
            mixed[i] = (short)Math.Clamp(signal[i] + (i < noise.Length ? noise[i] : 0), short.MinValue, short.MaxValue);
        }

        return mixed;
    }

    /// <summary>Frequency estimated from rising zero crossings, skipping the edges where filters settle.</summary>
    public static double ZeroCrossingFrequency(short[] samples, int sampleRate)
    {
        int skip = samples.Length / 10;
        int first = -1;
        int last = -1;
        int crossings = 0;
        for (int i = skip + 1; i < samples.Length - skip; i++)
        {
            if (samples[i - 1] < 0 && samples[i] >= 0)
            {
                if (first < 0)
                {
                    first = i;
                }
                else
                {
                    crossings++;
                }

                last = i;
            }
        }

        return crossings == 0 ? 0 : (double)crossings * sampleRate / (last - first);
    }

    public static double RmsDbfs(ReadOnlySpan<short> samples)
    {
        double sum = 0;
        foreach (var s in samples)
        {
            sum += (double)s * s;
        }

        return 10 * Math.Log10((sum / Math.Max(1, samples.Length) / (32768.0 * 32768.0)) + 1e-20);
    }
}
