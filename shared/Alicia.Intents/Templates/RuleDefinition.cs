namespace Alicia.Intents;

/// <summary><c>name = body</c>: a named piece of template reused with <c>&lt;name&gt;</c>.</summary>
internal sealed record RuleDefinition(string Name, Expression Body, SourceLocation Location);
