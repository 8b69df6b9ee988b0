namespace Alicia.Intents;

/// <summary><c>(half an hour):30</c>: whatever <paramref name="Inner"/> matched counts as <paramref name="Value"/> in slot values.</summary>
internal sealed record SubstitutedExpression(Expression Inner, string Value) : Expression;
