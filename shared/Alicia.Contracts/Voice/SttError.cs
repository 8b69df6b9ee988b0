namespace Alicia.Contracts.Voice;

/// <summary>Why an utterance could not be transcribed (<c>alicia/voice/stt/error</c>).</summary>
public sealed record SttError(string Reason, string Detail);
