namespace Alicia.Ai.Llm;

/// <summary>The JSON schema of a function's arguments (an object with named properties).</summary>
public sealed record ToolParameters(string Type, IReadOnlyDictionary<string, ToolParameter> Properties, IReadOnlyList<string> Required);
