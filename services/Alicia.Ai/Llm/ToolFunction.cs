namespace Alicia.Ai.Llm;

/// <summary>A function's name, what it does, and its arguments as a JSON schema.</summary>
public sealed record ToolFunction(string Name, string Description, ToolParameters Parameters);
