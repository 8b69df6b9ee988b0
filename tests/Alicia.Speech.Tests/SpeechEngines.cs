using Alicia.Audio;
using Alicia.Speech.Evaluation;

namespace Alicia.Speech.Tests;

/// <summary>
/// One synthesizer and one warm recognizer with the sample grammar, shared by the tests of a collection:
/// loading the acoustic model once keeps the suite fast.
/// </summary>
public sealed class SpeechEngines : IDisposable
{
    public SpeechEngines()
    {
        Synthesizer = new EspeakSynthesizer();
        Recognizer = new SpeechRecognizer();
        Recognizer.UseGrammar(SampleGrammar.Jsgf);
    }

    public EspeakSynthesizer Synthesizer { get; }

    public SpeechRecognizer Recognizer { get; }

    /// <summary>Speaks text and converts it to the recognizer's 16 kHz format.</summary>
    public short[] Speak(string text, string voice = "en-us", int rate = 175) =>
        Resampler.ToSpeechFormat(Synthesizer.Synthesize(text, new SpeechOptions(voice, rate))).Samples;

    public void Dispose()
    {
        Recognizer.Dispose();
        Synthesizer.Dispose();
    }
}
