namespace Alicia.Intents;

/// <summary><c>(a | b)</c>: any one of the choices; <c>[a]</c> is a choice between a and nothing.</summary>
internal sealed record AlternativesExpression(IReadOnlyList<Expression> Choices) : Expression;
