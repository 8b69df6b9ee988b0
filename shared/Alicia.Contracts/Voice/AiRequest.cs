namespace Alicia.Contracts.Voice;

/// <summary>Text to understand (<c>alicia/voice/ai/request</c>); the envelope's session id selects the conversation context.</summary>
public sealed record AiRequest(string Text);
