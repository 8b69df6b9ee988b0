namespace Alicia.Intents;

/// <summary>One template line of an intent.</summary>
internal sealed record Template(Expression Body, SourceLocation Location);
