namespace Alicia.Intents;

/// <summary>The best way through the graph for a sentence and what it cost.</summary>
internal sealed record MatchPath(IReadOnlyList<AlignmentStep> Steps, FinalTransition Final, double Cost);
