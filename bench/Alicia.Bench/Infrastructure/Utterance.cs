using Alicia.Audio;
using Alicia.Speech;

namespace Alicia.Bench.Infrastructure;

/// <summary>A sentence spoken by espeak-ng, cut into the 20 ms microphone frames a satellite sends, after a short silence.</summary>
public sealed record Utterance(string Sentence, byte[][] Frames, int LastSpeechFrame, double SpeechSeconds)
{
    public const int FrameMs = 20;
    public const int LeadingSilenceMs = 300;

    public static Utterance Speak(string sentence)
    {
        using var voice = new EspeakSynthesizer();
        var speech = Resampler.ToSpeechFormat(voice.Synthesize(sentence)).Samples;
        var lead = SpeechFormat.SamplesPerFrame(LeadingSilenceMs);
        var frameSamples = SpeechFormat.SamplesPerFrame(FrameMs);
        var samples = (short[])[.. new short[lead], .. speech];
        var frames = samples.Chunk(frameSamples).Select(chunk => Pcm.ToBytes(chunk)).ToArray();
        return new Utterance(sentence, frames, (lead + LastVoicedSample(speech)) / frameSamples, (double)speech.Length / SpeechFormat.SampleRate);
    }

    // espeak-ng pads its output with a little silence; the last word ends at the last clearly voiced sample.
    private static int LastVoicedSample(short[] speech)
    {
        for (var i = speech.Length - 1; i >= 0; i--)
        {
            if (Math.Abs((int)speech[i]) > 300)
            {
                return i;
            }
        }

        return speech.Length - 1;
    }
}
