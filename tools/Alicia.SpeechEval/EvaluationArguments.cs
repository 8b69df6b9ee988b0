using System.Globalization;

namespace Alicia.SpeechEval;

/// <summary>The command line: which voices, rates and how many sentences per intent, and the output form.</summary>
public sealed record EvaluationArguments(
    IReadOnlyList<string> Voices,
    IReadOnlyList<int> Rates,
    int SentencesPerIntent,
    string IntentsDirectory,
    bool Json,
    int ShowFailures,
    IReadOnlyDictionary<string, string> DecoderArguments,
    bool Streaming = false,
    bool DecodeAfterClose = false,
    bool AsSampled = false,
    double? NoiseDbfs = null)
{
    public const string Usage = """
        usage: Alicia.SpeechEval [--voices en-us,en-gb,en+f3,en-us+m7] [--rates 150,175,200]
                                 [--per-intent 4] [--intents config/intents] [--failures 20] [--json]
                                 [--decoder-arg -NAME=VALUE]...   (extra pocketsphinx arguments, like Services:stt:DecoderArguments)
                                 [--streaming [--decode-after-close]] [--as-sampled] [--noise-dbfs -45]
          --streaming sends each sentence as microphone audio of a site in a listening session (VAD, decoding while
          it is spoken) instead of as a request; --decode-after-close decodes it only when the VAD has closed it.
          --noise-dbfs mixes white noise of that RMS level into the audio (the whole stream with --streaming).
          --as-sampled keeps sampled sentences whose number and unit disagree ("sixty second"), which are replaced otherwise.
          Speaks example sentences of the default intents (with the demo devices) with espeak-ng and recognizes
          them through the STT service's decoding path; prints word and sentence accuracy, speed and latency.
        """;

    public static EvaluationArguments Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var result = new EvaluationArguments(["en-us", "en-gb", "en+f3", "en-us+m7"], [150, 175, 200], 4, "config/intents", false, 20,
            new Dictionary<string, string>(StringComparer.Ordinal));
        for (var i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            result = args[i] switch
            {
                "--json" => result with { Json = true },
                "--voices" => result with { Voices = List(Value()) },
                "--rates" => result with { Rates = [.. List(Value()).Select(r => Number(r, "--rates"))] },
                "--per-intent" => result with { SentencesPerIntent = Number(Value(), "--per-intent") },
                "--intents" => result with { IntentsDirectory = Value() },
                "--failures" => result with { ShowFailures = Number(Value(), "--failures") },
                "--streaming" => result with { Streaming = true },
                "--as-sampled" => result with { AsSampled = true },
                "--decode-after-close" => result with { DecodeAfterClose = true },
                "--noise-dbfs" => result with { NoiseDbfs = Level(Value()) },
                "--decoder-arg" => result with { DecoderArguments = WithArgument(result.DecoderArguments, Value()) },
                _ => throw new ArgumentException($"unknown option '{args[i]}'"),
            };
        }

        if (result.Voices.Count == 0 || result.Rates.Count == 0 || result.SentencesPerIntent < 1)
        {
            throw new ArgumentException("at least one voice, one rate and one sentence per intent are needed");
        }

        return result;
    }

    private static Dictionary<string, string> WithArgument(IReadOnlyDictionary<string, string> arguments, string argument)
    {
        var equals = argument.IndexOf('=', StringComparison.Ordinal);
        if (!argument.StartsWith('-') || equals < 2)
        {
            throw new ArgumentException($"--decoder-arg expects -NAME=VALUE, e.g. -beam=1e-60, not '{argument}'");
        }

        return new Dictionary<string, string>(arguments, StringComparer.Ordinal) { [argument[..equals]] = argument[(equals + 1)..] };
    }

    private static double Level(string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var dbfs) && dbfs is >= -120 and < 0
            ? dbfs
            : throw new ArgumentException($"--noise-dbfs expects a level below 0 dBFS, e.g. -45, not '{value}'");

    private static string[] List(string value) => value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static int Number(string value, string option) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new ArgumentException($"{option} expects whole numbers, not '{value}'");
}
