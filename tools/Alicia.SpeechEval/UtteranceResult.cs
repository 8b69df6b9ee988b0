namespace Alicia.SpeechEval;

/// <summary>One spoken sentence and what the STT made of it.</summary>
/// <param name="LatencyMs">From the end of the utterance (request: its arrival; stream: the VAD's decision) to the transcript.</param>
public sealed record UtteranceResult(
    string Voice,
    int RateWpm,
    string Intent,
    string Expected,
    string Heard,
    string? Error,
    int Words,
    int WordErrors,
    bool IntentCorrect,
    double AudioSeconds,
    double DecodeMs,
    double DecodeCpuMs,
    double LatencyMs)
{
    public bool Exact => WordErrors == 0 && Error is null;
}
