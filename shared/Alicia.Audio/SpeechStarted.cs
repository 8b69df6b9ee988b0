namespace Alicia.Audio;

/// <summary>Speech was confirmed. It began at <paramref name="SpeechStart"/>, which is earlier than the decision.</summary>
/// <param name="SpeechStart">Start of the first voiced frame.</param>
public sealed record SpeechStarted(TimeSpan SpeechStart, TimeSpan DecidedAt) : VadEvent(DecidedAt);
