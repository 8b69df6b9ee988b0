namespace Alicia.Ai.Llm;

/// <summary>The function name and its arguments as a JSON string (as the protocol sends them).</summary>
public sealed record ToolCallFunction(string Name, string? Arguments);
