using System.Text.Json;

namespace Alicia.SpeechEval;

/// <summary>Runs the evaluation and prints it as a table (or JSON with --json).</summary>
public static class EvaluationCommand
{
    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter errors)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(errors);
        EvaluationArguments arguments;
        try
        {
            arguments = EvaluationArguments.Parse(args);
        }
        catch (ArgumentException e)
        {
            errors.WriteLine($"Alicia.SpeechEval: {e.Message}");
            errors.WriteLine(EvaluationArguments.Usage);
            return 2;
        }

        var result = new EvaluationRun(arguments, line => errors.WriteLine(line)).Execute();
        if (arguments.Json)
        {
            output.WriteLine(JsonSerializer.Serialize(result, EvaluationJson.Default.EvaluationResult));
        }
        else
        {
            Print(result, output);
        }

        return 0;
    }

    private static void Print(EvaluationResult result, TextWriter output)
    {
        output.WriteLine(FormattableString.Invariant($"grammar: {result.Grammar}; {result.Sentences} sentences x {result.ByVoiceAndRate.Count} voice/rate pairs = {result.Utterances} utterances, {result.AudioSeconds:F0} s of speech"));
        output.WriteLine();
        output.WriteLine("| voice | wpm | utterances | sentence accuracy | word accuracy |");
        output.WriteLine("|---|---:|---:|---:|---:|");
        foreach (var row in result.ByVoiceAndRate)
        {
            output.WriteLine(FormattableString.Invariant($"| {row.Voice} | {row.RateWpm} | {row.Sentences} | {row.SentenceAccuracy:P1} | {row.WordAccuracy:P1} |"));
        }

        output.WriteLine(FormattableString.Invariant($"| **all** | | **{result.Utterances}** | **{result.SentenceAccuracy:P1}** | **{result.WordAccuracy:P1}** |"));
        output.WriteLine();
        output.WriteLine(FormattableString.Invariant($"intent accuracy (transcript -> same intent and slots): {result.IntentAccuracy:P1}"));
        output.WriteLine(FormattableString.Invariant($"decoding speed: {result.SpeedFactorWall:F1}x real time by the clock (real-time factor {result.RealTimeFactorWall:F3}), {result.SpeedFactorCpu:F1}x by CPU time"));
        output.WriteLine(FormattableString.Invariant($"end of a ~2 s utterance to transcript ({result.TwoSecondUtterances} utterances of 1.5-2.5 s): median {result.TwoSecondDecodeMsMedian:F1} ms, p95 {result.TwoSecondDecodeMsP95:F1} ms"));
        output.WriteLine(FormattableString.Invariant($"TTS, short sentence (\"The kitchen light is on.\"), warm: median {result.TtsShortSentenceMsMedian:F1} ms"));
        if (result.Failures.Count > 0)
        {
            output.WriteLine();
            output.WriteLine(FormattableString.Invariant($"first {result.Failures.Count} misrecognitions:"));
            foreach (var failure in result.Failures)
            {
                output.WriteLine(FormattableString.Invariant($"  {failure.Voice} {failure.RateWpm}: \"{failure.Expected}\" -> \"{(failure.Error is null ? failure.Heard : "(" + failure.Error + ")")}\""));
            }
        }
    }
}
