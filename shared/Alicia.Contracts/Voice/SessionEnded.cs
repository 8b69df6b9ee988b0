namespace Alicia.Contracts.Voice;

/// <summary>
/// A dialogue session closed (<c>alicia/voice/session/{site}/ended</c>) with what happened in it and how long
/// each stage took in milliseconds (keys such as <c>vad_end</c>, <c>stt</c>, <c>ai</c>, <c>command</c>, <c>tts</c>, <c>total</c>).
/// </summary>
public sealed record SessionEnded(
    string SessionId,
    string Site,
    string Reason,
    string? Transcript,
    string? Intent,
    string? Reply,
    IReadOnlyDictionary<string, double> StageMs);
