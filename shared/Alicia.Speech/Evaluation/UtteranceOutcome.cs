namespace Alicia.Speech.Evaluation;

/// <summary>How one synthesized sentence was recognized.</summary>
public sealed record UtteranceOutcome(
    string Expected,
    string Recognized,
    string Voice,
    int RateWpm,
    int WordErrors,
    int ExpectedWords,
    double Confidence,
    TimeSpan AudioDuration,
    TimeSpan DecodeTime,
    TimeSpan DecodeCpuTime)
{
    public bool IsExact => WordErrors == 0;
}
