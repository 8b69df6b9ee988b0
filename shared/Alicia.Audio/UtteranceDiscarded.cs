namespace Alicia.Audio;

/// <summary>
/// Speech started but its voiced span stayed under <see cref="VadOptions.MinUtteranceMs"/>: a cough,
/// a door, a click. No audio is handed out.
/// </summary>
public sealed record UtteranceDiscarded(TimeSpan SpeechStart, TimeSpan SpeechEnd, TimeSpan DecidedAt) : VadEvent(DecidedAt)
{
    public TimeSpan SpeechDuration => SpeechEnd - SpeechStart;
}
