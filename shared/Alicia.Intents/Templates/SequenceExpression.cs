namespace Alicia.Intents;

/// <summary>Items said one after the other. An empty sequence matches no words.</summary>
internal sealed record SequenceExpression(IReadOnlyList<Expression> Items) : Expression
{
    public static SequenceExpression Empty { get; } = new([]);
}
