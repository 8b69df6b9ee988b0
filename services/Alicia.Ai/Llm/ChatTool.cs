namespace Alicia.Ai.Llm;

/// <summary>A tool the model may call; Alicia offers functions only.</summary>
public sealed record ChatTool(string Type, ToolFunction Function);
