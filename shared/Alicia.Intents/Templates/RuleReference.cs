namespace Alicia.Intents;

/// <summary><c>&lt;name&gt;</c>: the body of a rule, resolved in the section first, then in [*].</summary>
internal sealed record RuleReference(string Name, SourceLocation Location) : Expression;
