namespace Alicia.Ai.Llm;

/// <summary>The part of a chat-completions answer Alicia reads.</summary>
public sealed record ChatResponse(IReadOnlyList<ChatChoice> Choices);
