using Alicia.Audio;
using Alicia.Speech;

namespace Alicia.Stt.Tests.Support;

/// <summary>Test speech from espeak-ng, as 16 kHz mono like a satellite microphone sends it.</summary>
internal static class Voice
{
    private static readonly Lazy<EspeakSynthesizer> Synthesizer = new(() => new EspeakSynthesizer());

    public static short[] Say(string text, string voice = "en-us", int rateWpm = 175) =>
        Resampler.ToSpeechFormat(Synthesizer.Value.Synthesize(text, new SpeechOptions(voice, rateWpm))).Samples;

    public static short[] Silence(int milliseconds) => new short[SpeechFormat.SamplesPerFrame(milliseconds)];

    public static byte[] Wav(short[] samples) => Audio.Wav.Write(new AudioClip(samples, SpeechFormat.SampleRate));

    public static short[] Join(params short[][] parts) => [.. parts.SelectMany(p => p)];

    /// <summary>The stream cut into chunks of <paramref name="milliseconds"/> as little-endian bytes.</summary>
    public static IEnumerable<byte[]> Chunks(short[] samples, int milliseconds = 100)
    {
        var size = SpeechFormat.SamplesPerFrame(milliseconds);
        for (var start = 0; start < samples.Length; start += size)
        {
            yield return Pcm.ToBytes(samples.AsSpan(start, Math.Min(size, samples.Length - start)));
        }
    }
}
