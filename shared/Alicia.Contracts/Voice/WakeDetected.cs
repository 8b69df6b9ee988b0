namespace Alicia.Contracts.Voice;

/// <summary>The wake phrase was heard on a site (<c>alicia/voice/wake/{site}/detected</c>).</summary>
public sealed record WakeDetected(string Site, string Phrase, double DetectedAt);
