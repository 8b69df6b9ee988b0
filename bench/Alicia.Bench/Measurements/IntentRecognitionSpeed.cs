using System.Diagnostics;
using Alicia.Bench.Infrastructure;
using Alicia.Bench.Reporting;

namespace Alicia.Bench.Measurements;

/// <summary>
/// Item 7, language: IntentRecognizer time per sentence on the shipped templates: template
/// sentences (exact match), the same with a word the templates do not have (fuzzy match), and
/// sentences about something else (searched, then rejected). Rhasspy's fsticuffs reports ~0.1 ms
/// per sentence for its exact matcher.
/// </summary>
public sealed class IntentRecognitionSpeed : IMeasurement
{
    private const string Reported = "Rhasspy fsticuffs (reported)";
    private const double ReportedMicroseconds = 100;

    private static readonly string[] OffTopic =
    [
        "the quick brown fox jumps over the lazy dog",
        "how many roads must a man walk down",
        "please tell my sister i will be late for dinner tonight",
        "green ideas sleep furiously",
    ];

    public string Group => "nlu";

    public string Name => "intent recognition time per sentence";

    public Task<IReadOnlyList<Figure>> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var recognizer = DemoLanguage.Compile();
        var exact = recognizer.Examples(maxPerIntent: 10).Select(e => e.Text).ToList();
        // "um" is in no template: the exact matcher fails and the fuzzy matcher has to skip it.
        var fuzzy = exact.Select(text => "um " + text).ToList();
        var sets = new (string Id, string Title, List<string> Sentences)[]
        {
            ("nlu.exact", "template sentence (exact match)", exact),
            ("nlu.fuzzy", "template sentence with an extra word (fuzzy match)", fuzzy),
            ("nlu.rejected", "sentence about something else (searched, rejected)", [.. OffTopic]),
        };

        foreach (var (_, _, sentences) in sets)
        {
            Time(recognizer, sentences, 3, new Samples()); // warm-up
        }

        var figures = new List<Figure>();
        foreach (var (id, title, sentences) in sets)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var microseconds = new Samples();
            var matched = Time(recognizer, sentences, context.Size.NluRepetitions, microseconds);
            figures.Add(Figure.Of(id, title, "us", microseconds) with
            {
                Baseline = Reported,
                BaselineMedian = ReportedMicroseconds,
                Note = $"{sentences.Count} sentences x {context.Size.NluRepetitions}; {matched} of {sentences.Count} matched an intent",
            });
        }

        return Task.FromResult<IReadOnlyList<Figure>>(figures);
    }

    private static int Time(Alicia.Intents.IntentRecognizer recognizer, List<string> sentences, int repetitions, Samples microseconds)
    {
        var matched = 0;
        for (var repetition = 0; repetition < repetitions; repetition++)
        {
            matched = 0;
            foreach (var sentence in sentences)
            {
                var started = Stopwatch.GetTimestamp();
                var match = recognizer.Recognize(sentence);
                microseconds.Add(Stopwatch.GetElapsedTime(started).TotalMicroseconds);
                matched += match is null ? 0 : 1;
            }
        }

        return matched;
    }
}
