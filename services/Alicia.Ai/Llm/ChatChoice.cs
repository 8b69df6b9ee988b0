namespace Alicia.Ai.Llm;

public sealed record ChatChoice(int Index, ChatMessage Message, string? FinishReason = null);
