using Alicia.Speech;
using Xunit.Abstractions;

namespace Alicia.Intents.Tests;

/// <summary>The exported grammar works in the real pocketsphinx decoder with the en-us dictionary.</summary>
public sealed class SpeechGrammarTests(ITestOutputHelper output)
{
    [Fact]
    public void Every_default_word_is_in_the_pocketsphinx_dictionary()
    {
        var dictionary = File.ReadLines(SpeechModelOptions.DebianDictionary)
            .Select(l => l.Split(' ', 2)[0])
            .ToHashSet(StringComparer.Ordinal);

        var missing = DemoHome.Recognizer.Words.Where(w => !dictionary.Contains(w)).ToList();

        Assert.Empty(missing);
    }

    [Fact]
    public void Pocketsphinx_loads_the_grammar_and_transcribes_synthetic_commands_into_intents()
    {
        using var speech = new SpeechRecognizer();
        speech.UseGrammar(DemoHome.Recognizer.ToJsgf());
        using var voice = new EspeakSynthesizer();
        var commands = new (string Sentence, string Intent)[]
        {
            ("turn on the kitchen light", "TurnOn"),
            ("set a timer for ten minutes", "StartTimer"),
            ("what time is it", "GetTime"),
            ("lock the front door", "Lock"),
            ("what's the weather like", "GetWeather"),
            ("set the thermostat to twenty degrees", "SetTemperature"),
        };

        var recognized = 0;
        foreach (var (sentence, intent) in commands)
        {
            var transcript = speech.Recognize(WithSilence(voice.Synthesize(sentence)));
            var match = DemoHome.Recognizer.Recognize(transcript.Text);
            output.WriteLine($"'{sentence}' -> '{transcript.Text}' -> {match?.Intent} {SlotAssert.Describe(match?.Slots ?? [])}");
            if (match?.Intent == intent)
            {
                recognized++;
            }

            // Whatever the decoder heard comes from the grammar, so the recognizer matches it exactly.
            Assert.True(transcript.IsEmpty || match?.Confidence == 1.0, $"'{transcript.Text}' is not a template sentence");
        }

        // Synthetic speech through the decoder is not perfect; the accuracy evaluation measures it properly.
        Assert.True(recognized * 2 >= commands.Length, $"only {recognized} of {commands.Length} commands understood");
    }

    // A microphone utterance starts and ends with some silence; the decoder expects it.
    private static Alicia.Audio.AudioClip WithSilence(Alicia.Audio.AudioClip clip)
    {
        var pad = new short[clip.SampleRate / 4];
        return new Alicia.Audio.AudioClip([.. pad, .. clip.Samples, .. pad], clip.SampleRate);
    }
}
