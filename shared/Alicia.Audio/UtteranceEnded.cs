namespace Alicia.Audio;

/// <summary>A complete utterance, ready for recognition.</summary>
/// <param name="Audio">The utterance: pre-roll, speech, and a little trailing audio (see <see cref="VadOptions"/>).</param>
/// <param name="Reason">Why it ended.</param>
/// <param name="AudioStart">Stream offset of the first sample of <paramref name="Audio"/>.</param>
/// <param name="SpeechStart">Start of the first voiced frame.</param>
/// <param name="SpeechEnd">End of the last voiced frame (within the audio).</param>
/// <param name="DecidedAt">Where the end was decided: after the silence window, at the cut, or at the end of the stream.</param>
public sealed record UtteranceEnded(
    AudioClip Audio,
    UtteranceEndReason Reason,
    TimeSpan AudioStart,
    TimeSpan SpeechStart,
    TimeSpan SpeechEnd,
    TimeSpan DecidedAt) : VadEvent(DecidedAt)
{
    public TimeSpan SpeechDuration => SpeechEnd - SpeechStart;
}
