namespace Alicia.Contracts.Voice;

/// <summary>The speech grammar compiled from the intents and device names (retained on <c>alicia/voice/ai/grammar</c>).</summary>
public sealed record AiGrammar(string Jsgf, IReadOnlyList<string> Words, string Version);
