namespace Alicia.Ai.Llm;

/// <summary>One message of a chat: "system", "user" or "assistant" (which may carry tool calls instead of content).</summary>
public sealed record ChatMessage(string Role, string? Content, IReadOnlyList<ToolCall>? ToolCalls = null);
