namespace Alicia.Speech;

/// <summary>
/// What the recognizer heard. Text is empty when nothing in the grammar matched.
/// Confidence is the decoder's posterior probability of the hypothesis (0..1).
/// </summary>
public sealed record Transcript(string Text, double Confidence, TimeSpan AudioDuration, TimeSpan DecodeTime)
{
    public bool IsEmpty => Text.Length == 0;

    /// <summary>How many times faster than real time the audio was decoded (audio duration / decode time).</summary>
    public double SpeedFactor => DecodeTime > TimeSpan.Zero ? AudioDuration / DecodeTime : double.PositiveInfinity;
}
