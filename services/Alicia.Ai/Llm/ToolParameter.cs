namespace Alicia.Ai.Llm;

/// <summary>One argument's schema; <see cref="Enum"/> lists the allowed values (device ids, actions).</summary>
public sealed record ToolParameter(string Type, string Description, IReadOnlyList<string>? Enum = null);
