using System.Diagnostics;
using Alicia.Ai.Tests.Support;
using Alicia.Intents;
using Xunit.Abstractions;

namespace Alicia.Ai.Tests;

/// <summary>Measures (does not assert) recognition and whole-turn speed over the shipped templates with the demo devices.</summary>
public sealed class RecognitionSpeedReport(ITestOutputHelper output)
{
    [Fact]
    public async Task Report_recognition_and_turn_times()
    {
        using var ai = new TestAssistant();
        var recognizer = ai.Assistant.Model.Recognizer;
        var sentences = recognizer.Examples(maxPerIntent: 20).Select(e => e.Text).ToList();
        Assert.NotEmpty(sentences);
        foreach (var sentence in sentences)
        {
            Assert.NotNull(recognizer.Recognize(sentence));
        }

        const int Rounds = 20;
        var clock = Stopwatch.StartNew();
        for (var round = 0; round < Rounds; round++)
        {
            foreach (var sentence in sentences)
            {
                recognizer.Recognize(sentence);
            }
        }

        clock.Stop();
        var perSentence = clock.Elapsed.TotalMilliseconds / (Rounds * sentences.Count);

        var misheard = new[] { "turn of the kitchen light", "what's the wether", "set a timer for five minute" };
        foreach (var sentence in misheard)
        {
            recognizer.Recognize(sentence); // warm-up
        }

        var fuzzy = Stopwatch.StartNew();
        for (var round = 0; round < Rounds; round++)
        {
            foreach (var sentence in misheard)
            {
                recognizer.Recognize(sentence);
            }
        }

        fuzzy.Stop();

        // Timer sentences write timers.json; the rest is what a device or question turn costs.
        var turnSentences = sentences.Where(s => !recognizer.Recognize(s)!.Intent.Contains("Timer", StringComparison.Ordinal)).ToList();
        foreach (var sentence in turnSentences)
        {
            await ai.AskAsync(sentence, session: null, site: "bench"); // warm-up
        }

        var turns = Stopwatch.StartNew();
        foreach (var sentence in turnSentences)
        {
            await ai.AskAsync(sentence, session: null, site: "bench");
        }

        turns.Stop();
        var compile = Stopwatch.StartNew();
        _ = IntentRecognizer.Compile(TestAssistant.DefaultTemplates, new Devices.DeviceDirectory(DemoDevices.List.Devices).SlotLists(TestAssistant.DefaultTemplates.SlotListNames));
        compile.Stop();
        output.WriteLine($"{sentences.Count} example sentences: exact recognition {perSentence * 1000:0.0} us per sentence");
        output.WriteLine($"fuzzy recognition: {fuzzy.Elapsed.TotalMilliseconds / (Rounds * misheard.Length):0.00} ms per sentence");
        output.WriteLine($"whole turn (recognize, plan, fake devices, reply, context): {turns.Elapsed.TotalMilliseconds / turnSentences.Count:0.000} ms over {turnSentences.Count} non-timer sentences");
        output.WriteLine($"compile with 6 devices: {compile.Elapsed.TotalMilliseconds:0.0} ms");
    }
}
