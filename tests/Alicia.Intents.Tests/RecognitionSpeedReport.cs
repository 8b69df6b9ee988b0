using System.Diagnostics;
using Xunit.Abstractions;

namespace Alicia.Intents.Tests;

/// <summary>
/// Measures time per sentence and writes it to the test output (timings are reported, never
/// asserted: they depend on the machine). Run with -c Release and a console logger to read them.
/// </summary>
public sealed class RecognitionSpeedReport(ITestOutputHelper output)
{
    [Fact]
    public void Reports_time_per_sentence_for_exact_fuzzy_and_rejected_sentences()
    {
        var recognizer = DemoHome.Recognizer;
        var exact = recognizer.Examples(maxPerIntent: 30).Select(e => e.Text).ToList();
        string[] fuzzy =
        [
            "please turn on the kitchen lights",
            "set the brightness of the living room lamp fifty percent",
            "what is the whether like today",
            "set a timer four five minutes",
            "could you turn off the bedroom light",
        ];
        string[] rejected =
        [
            "turn on the garage light",
            "the quick brown fox jumps over the lazy dog",
            "play some music",
            "what is the meaning of life",
        ];

        var exactTime = Measure(recognizer, exact, expectMatch: true);
        var fuzzyTime = Measure(recognizer, fuzzy, expectMatch: true);
        var rejectedTime = Measure(recognizer, rejected, expectMatch: false);
        var compile = Stopwatch.StartNew();
        var compiled = DemoHome.Compile(DemoHome.SlotLists());
        compile.Stop();

        output.WriteLine($"exact:    {exactTime.Wall:0.0} us/sentence wall clock, {exactTime.Cpu:0.0} us CPU, over {exact.Count} sentences");
        output.WriteLine($"fuzzy:    {fuzzyTime.Wall:0.0} us/sentence wall clock, {fuzzyTime.Cpu:0.0} us CPU, over {fuzzy.Length} sentences");
        output.WriteLine($"rejected: {rejectedTime.Wall:0.0} us/sentence wall clock, {rejectedTime.Cpu:0.0} us CPU, over {rejected.Length} sentences");
        output.WriteLine($"compile:  {compile.Elapsed.TotalMilliseconds:0.0} ms ({compiled.Words.Count} words, {compiled.Intents.Count} intents)");
        Assert.True(exactTime.Wall > 0 && fuzzyTime.Wall > 0 && rejectedTime.Wall > 0);
    }

    // Mean microseconds per sentence after a warm-up, by the wall clock and in process CPU time
    // (which a busy machine inflates less); checks every answer on the way.
    private static (double Wall, double Cpu) Measure(IntentRecognizer recognizer, IReadOnlyList<string> sentences, bool expectMatch)
    {
        foreach (var sentence in sentences)
        {
            Assert.True(recognizer.Recognize(sentence) is not null == expectMatch, sentence);
        }

        // Warm up long enough for the JIT to replace first-call code with optimized code: a
        // service recognizes sentences for days, so the steady state is what matters.
        var warmUp = Stopwatch.StartNew();
        while (warmUp.ElapsedMilliseconds < 500)
        {
            foreach (var sentence in sentences)
            {
                recognizer.Recognize(sentence);
            }
        }

        const int rounds = 500;
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        for (var round = 0; round < rounds; round++)
        {
            foreach (var sentence in sentences)
            {
                recognizer.Recognize(sentence);
            }
        }

        var wall = clock.Elapsed.TotalMicroseconds;
        process.Refresh();
        var cpu = (process.TotalProcessorTime - cpuBefore).TotalMicroseconds;
        return (wall / (rounds * sentences.Count), cpu / (rounds * sentences.Count));
    }
}
