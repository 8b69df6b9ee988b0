namespace Alicia.Intents;

/// <summary>
/// The templates as a DAG of states joined by word transitions, ready for matching. States are
/// numbered in topological order (every transition goes to a higher state), state 0 is the start.
/// Empty steps and markers were folded into the transitions, so matching only ever looks at words.
/// </summary>
internal sealed class CompiledGraph
{
    public required string[] IntentNames { get; init; }

    public required WordTable Words { get; init; }

    /// <summary>Tag names and substitution values referenced by marker arguments.</summary>
    public required WordTable Strings { get; init; }

    public required IReadOnlyList<SlotListTable> Lists { get; init; }

    public required int[] TransitionStart { get; init; }

    public required Transition[] Transitions { get; init; }

    public required int[] FinalStart { get; init; }

    public required FinalTransition[] Finals { get; init; }

    public required Marker[] Markers { get; init; }

    /// <summary>(state, word) -> transitions, for exact matching without scanning all transitions.</summary>
    public required Dictionary<long, int[]> TransitionsByWord { get; init; }

    /// <summary>Intent each state belongs to (-1 for the start state).</summary>
    public required int[] StateIntent { get; init; }

    /// <summary>
    /// Fewest template words from each state to the end of a template; <see cref="Unreachable"/>
    /// when no template can be finished from it (after an empty slot list).
    /// </summary>
    public int[] MinWordsToEnd { get; set; } = [];

    public const int Unreachable = int.MaxValue / 2;

    public int StateCount => TransitionStart.Length - 1;

    public static long WordKey(int state, int word) => ((long)state << 32) | (uint)word;

    public ReadOnlySpan<Transition> TransitionsOf(int state) =>
        Transitions.AsSpan(TransitionStart[state], TransitionStart[state + 1] - TransitionStart[state]);

    public ReadOnlySpan<FinalTransition> FinalsOf(int state) =>
        Finals.AsSpan(FinalStart[state], FinalStart[state + 1] - FinalStart[state]);

    public ReadOnlySpan<Marker> MarkersOf(Transition transition) => Markers.AsSpan(transition.MarkerStart, transition.MarkerCount);

    public ReadOnlySpan<Marker> MarkersOf(FinalTransition final) => Markers.AsSpan(final.MarkerStart, final.MarkerCount);
}
