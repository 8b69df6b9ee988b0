namespace Alicia.Intents;

/// <summary>
/// Finds a path spelling exactly the heard words: a depth-first walk following only transitions
/// for the next word (looked up by (state, word)), remembering dead ends so ambiguous templates
/// cannot make it exponential. Intents and templates earlier in the files win ties.
/// </summary>
internal sealed class ExactMatcher
{
    private readonly CompiledGraph _graph;
    private readonly int[] _tokens;
    private readonly List<AlignmentStep> _steps;
    private HashSet<long>? _deadEnds;
    private FinalTransition _final;

    private ExactMatcher(CompiledGraph graph, int[] tokens)
    {
        _graph = graph;
        _tokens = tokens;
        _steps = new List<AlignmentStep>(tokens.Length);
    }

    /// <param name="tokens">Word ids of the heard words (-1 for a word the templates never use).</param>
    public static MatchPath? Match(CompiledGraph graph, int[] tokens)
    {
        if (Array.IndexOf(tokens, -1) >= 0)
        {
            return null;
        }

        var matcher = new ExactMatcher(graph, tokens);
        return matcher.Search(0, 0) ? new MatchPath(matcher._steps, matcher._final, 0) : null;
    }

    private bool Search(int state, int position)
    {
        if (position == _tokens.Length)
        {
            var finals = _graph.FinalsOf(state);
            if (finals.Length == 0)
            {
                return false;
            }

            _final = finals[0];
            return true;
        }

        if (!_graph.TransitionsByWord.TryGetValue(CompiledGraph.WordKey(state, _tokens[position]), out var candidates))
        {
            return false;
        }

        var key = ((long)state * (_tokens.Length + 1)) + position;
        if (_deadEnds is not null && _deadEnds.Contains(key))
        {
            return false;
        }

        foreach (var transition in candidates)
        {
            _steps.Add(new AlignmentStep(transition, position));
            if (Search(_graph.Transitions[transition].Target, position + 1))
            {
                return true;
            }

            _steps.RemoveAt(_steps.Count - 1);
        }

        (_deadEnds ??= []).Add(key);
        return false;
    }
}
