namespace Alicia.Intents;

/// <summary>A literal word; <paramref name="Substitution"/> replaces it in slot values (<c>half:50</c>).</summary>
internal sealed record WordExpression(string Word, string? Substitution) : Expression;
