using Alicia.Speech.Evaluation;

namespace Alicia.Speech.Tests;

[Collection(SharedSpeechEngines.Name)]
public sealed class RecognitionEvaluationTests(SpeechEngines engines)
{
    [Fact]
    public void Sample_sentences_are_recognized_with_at_least_90_percent_accuracy()
    {
        var evaluation = new RecognitionEvaluation(engines.Recognizer, engines.Synthesizer);

        // A slice of the full matrix (the benchmark runs all of it): every sample sentence, two voices, normal rate.
        var report = evaluation.Run(SampleGrammar.Sentences, ["en-us", "en-gb"], [175]);

        Assert.Equal(SampleGrammar.Sentences.Count * 2, report.Count);
        Assert.True(report.SentenceAccuracy >= 0.9, report.Summary());
        Assert.True(report.WordAccuracy >= report.SentenceAccuracy, report.Summary());
        Assert.True(report.TotalAudio > TimeSpan.FromSeconds(30));
        Assert.True(report.TotalDecodeTime > TimeSpan.Zero);
    }

    [Fact]
    public void A_report_counts_exact_sentences_and_word_errors()
    {
        var report = new EvaluationReport(
        [
            Outcome("turn on the light", "turn on the light"),
            Outcome("turn on the light", "turn on light"),
            Outcome("what time is it", ""),
            Outcome("stop the music", "stop the music"),
        ]);

        Assert.Equal(0.5, report.SentenceAccuracy);
        Assert.Equal(1.0 - (5.0 / 15.0), report.WordAccuracy, 6);
        Assert.Equal(2, report.Failures.Count());
        Assert.Equal(TimeSpan.FromSeconds(8), report.TotalAudio);
        Assert.Equal(0.05, report.RealTimeFactor, 6);
        Assert.Equal(20, report.SpeedFactor, 6);
        Assert.Contains("MISS", report.Summary(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_evaluation_needs_sentences_voices_and_rates()
    {
        var evaluation = new RecognitionEvaluation(engines.Recognizer, engines.Synthesizer);

        Assert.Throws<ArgumentException>(() => evaluation.Run([], ["en-us"], [175]));
        Assert.Throws<ArgumentException>(() => evaluation.Run(["what time is it"], [], [175]));
        Assert.Throws<ArgumentException>(() => evaluation.Run(["what time is it"], ["en-us"], []));
    }

    private static UtteranceOutcome Outcome(string expected, string recognized)
    {
        var errors = WordAlignment.EditDistance(WordAlignment.Words(expected), WordAlignment.Words(recognized));
        return new UtteranceOutcome(
            expected, recognized, "en-us", 175, errors, WordAlignment.Words(expected).Count, 1.0,
            TimeSpan.FromSeconds(2), TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(100));
    }
}
