namespace Alicia.Speech;

/// <summary>
/// What the recognizer heard. Text is empty when nothing in the grammar matched.
/// Confidence (0..1) is a heuristic from how well the audio fits the best grammar path; around 0.5 and below,
/// the words may be wrong or the speech outside the grammar.
/// </summary>
public sealed record Transcript(string Text, double Confidence, TimeSpan AudioDuration, TimeSpan DecodeTime)
{
    public bool IsEmpty => Text.Length == 0;

    /// <summary>CPU time the decoding thread spent; unlike <see cref="DecodeTime"/> it does not grow when the machine is busy.</summary>
    public TimeSpan DecodeCpuTime { get; init; }

    /// <summary>
    /// Time from the last sample to the transcript: all of <see cref="DecodeTime"/> for a whole-utterance decode, only
    /// the end of the search for a <see cref="StreamedUtterance"/> (the rest was done while the audio arrived).
    /// </summary>
    public TimeSpan FinishTime { get; init; }

    /// <summary>How many times faster than real time the audio was decoded (audio duration / decode time).</summary>
    public double SpeedFactor => DecodeTime > TimeSpan.Zero ? AudioDuration / DecodeTime : double.PositiveInfinity;
}
