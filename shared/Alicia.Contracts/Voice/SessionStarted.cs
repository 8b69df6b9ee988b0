namespace Alicia.Contracts.Voice;

/// <summary>A dialogue session opened (<c>alicia/voice/session/{site}/started</c>).</summary>
public sealed record SessionStarted(string SessionId, string Site, string Mode);
