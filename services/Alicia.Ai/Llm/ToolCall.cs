namespace Alicia.Ai.Llm;

/// <summary>A function call the model asks for.</summary>
public sealed record ToolCall(string? Id, string? Type, ToolCallFunction Function);
