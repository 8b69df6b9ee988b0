namespace Alicia.Intents;

/// <summary><c>(...){name}</c>: the words matched by <paramref name="Inner"/> become slot <paramref name="SlotName"/>.</summary>
internal sealed record TaggedExpression(Expression Inner, string SlotName) : Expression;
