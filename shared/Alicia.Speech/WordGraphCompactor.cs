using System.Globalization;

namespace Alicia.Speech;

/// <summary>
/// Makes a <see cref="WordGraph"/> smaller without changing the sentences it accepts, for pocketsphinx's sake: its
/// FSG search does bookkeeping for every state in every frame (about the number of states times the number of
/// phones), and builds a lexical tree per state. The JSGF expansion gives each copy of a rule, each group and each
/// optional part states of its own, and many of them are alike.
/// </summary>
/// <remarks>
/// Three steps: null transitions are replaced by the word transitions they lead to (keeping the most probable path,
/// as the search does); states nothing reaches, or that reach no end, are dropped; then, until nothing changes,
/// states with the same future (the same word transitions to the same states with the same probabilities, and the
/// same probability of ending) are merged, and so are states with the same past (reached by the same words from the
/// same states with the same probabilities). Neither merge changes the set of sentences; probabilities of words are
/// kept, so weights written in the JSGF still count.
/// </remarks>
internal sealed class WordGraphCompactor
{
    private readonly int _start;
    private Dictionary<int, State> _states;

    private WordGraphCompactor(int start, Dictionary<int, State> states)
    {
        _start = start;
        _states = states;
    }

    public static WordGraph Compact(WordGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var compactor = new WordGraphCompactor(graph.Start, WithoutNullTransitions(graph));
        compactor.DropUselessStates();
        bool merged;
        do
        {
            merged = compactor.MergeSameFutures();
            merged |= compactor.MergeSamePasts();
        }
        while (merged);

        return compactor.ToGraph();
    }

    /// <summary>Each state's word transitions, including those reached through null transitions, and its probability of ending.</summary>
    private static Dictionary<int, State> WithoutNullTransitions(WordGraph graph)
    {
        var nulls = graph.Transitions.Where(t => t.Word is null).ToLookup(t => t.From);
        var words = graph.Transitions.Where(t => t.Word is not null).ToLookup(t => t.From);
        var states = new Dictionary<int, State>();
        for (var state = 0; state < graph.StateCount; state++)
        {
            var result = new State();
            foreach (var (through, pathProbability) in NullClosure(state, nulls))
            {
                foreach (var word in words[through])
                {
                    result.Add(word.Word!, word.To, pathProbability * word.Probability);
                }

                if (through == graph.Final)
                {
                    result.End = Math.Max(result.End, pathProbability);
                }
            }

            states[state] = result;
        }

        return states;
    }

    /// <summary>The states reachable from <paramref name="state"/> by null transitions alone, with the best path probability.</summary>
    private static Dictionary<int, double> NullClosure(int state, ILookup<int, WordTransition> nulls)
    {
        var best = new Dictionary<int, double> { [state] = 1 };
        var improvements = new Dictionary<int, int>();
        var pending = new Stack<int>([state]);
        while (pending.TryPop(out var from))
        {
            foreach (var transition in nulls[from])
            {
                var probability = best[from] * transition.Probability;
                if (best.TryGetValue(transition.To, out var known) && probability <= known)
                {
                    continue;
                }

                // Weights above 1 could make a loop of null transitions ever more probable; a best path visits each
                // state once, so no state needs more improvements than there are states.
                var count = improvements[transition.To] = improvements.GetValueOrDefault(transition.To) + 1;
                if (count <= nulls.Count + 1)
                {
                    best[transition.To] = probability;
                    pending.Push(transition.To);
                }
            }
        }

        return best;
    }

    private void DropUselessStates()
    {
        var reached = Closure([_start], s => _states[s].Next.Keys.Select(k => k.To));
        var incoming = _states.SelectMany(s => s.Value.Next.Keys.Select(k => (k.To, From: s.Key))).ToLookup(e => e.To, e => e.From);
        var ending = Closure(_states.Where(s => s.Value.End > 0).Select(s => s.Key), s => incoming[s]);
        var useful = reached.Intersect(ending).ToHashSet();
        useful.Add(_start);
        _states = _states.Where(s => useful.Contains(s.Key)).ToDictionary(s => s.Key, s => s.Value.Keeping(useful));
    }

    private static HashSet<int> Closure(IEnumerable<int> from, Func<int, IEnumerable<int>> next)
    {
        var seen = from.ToHashSet();
        var pending = new Stack<int>(seen);
        while (pending.TryPop(out var state))
        {
            foreach (var other in next(state))
            {
                if (seen.Add(other))
                {
                    pending.Push(other);
                }
            }
        }

        return seen;
    }

    private bool MergeSameFutures() =>
        Merge(_states.Keys.ToLookup(s => Future(_states[s])));

    private bool MergeSamePasts()
    {
        var pasts = _states.Keys.ToDictionary(s => s, _ => new List<string>());
        foreach (var (from, state) in _states)
        {
            foreach (var ((word, to), probability) in state.Next)
            {
                pasts[to].Add(Step(word, from, probability));
            }
        }

        // The start state's past is the beginning of the utterance, which no other state shares.
        return Merge(pasts.Where(p => p.Key != _start).ToLookup(p => Signature(p.Value), p => p.Key));
    }

    /// <summary>Merges each group into its lowest-numbered state; says whether any group had more than one.</summary>
    private bool Merge(ILookup<string, int> groups)
    {
        var into = new Dictionary<int, int>();
        foreach (var group in groups.Where(g => g.Count() > 1))
        {
            var keeper = group.Min();
            foreach (var state in group)
            {
                into[state] = keeper;
            }
        }

        if (into.Count == 0)
        {
            return false;
        }

        var merged = new Dictionary<int, State>();
        foreach (var (number, state) in _states)
        {
            var keeper = into.GetValueOrDefault(number, number);
            var target = merged.TryGetValue(keeper, out var existing) ? existing : merged[keeper] = new State();
            target.End = Math.Max(target.End, state.End);
            foreach (var ((word, to), probability) in state.Next)
            {
                target.Add(word, into.GetValueOrDefault(to, to), probability);
            }
        }

        _states = merged;
        return true;
    }

    private WordGraph ToGraph()
    {
        // Renumber from 0 with the start first; one final state is added, reached by a null transition from each
        // state that may end with the probability of ending there.
        var order = _states.Keys.Order().ToList();
        order.Remove(_start);
        order.Insert(0, _start);
        var number = order.Select((state, index) => (state, index)).ToDictionary(p => p.state, p => p.index);
        var final = order.Count;
        var transitions = new List<WordTransition>();
        foreach (var state in order)
        {
            foreach (var ((word, to), probability) in _states[state].Next.OrderBy(n => n.Key.Word, StringComparer.Ordinal).ThenBy(n => number[n.Key.To]))
            {
                transitions.Add(new WordTransition(number[state], number[to], probability, word));
            }

            if (_states[state].End > 0)
            {
                transitions.Add(new WordTransition(number[state], final, _states[state].End, null));
            }
        }

        return new WordGraph(order.Count + 1, 0, final, transitions);
    }

    private static string Future(State state) =>
        Signature(state.Next.Select(n => Step(n.Key.Word, n.Key.To, n.Value)).Append(Rounded(state.End)));

    private static string Step(string word, int state, double probability) =>
        string.Create(CultureInfo.InvariantCulture, $"{word} {state} {Rounded(probability)}");

    // Probabilities computed along different paths differ in the last bits; equal to nine digits is equal.
    private static string Rounded(double probability) =>
        probability.ToString("G9", CultureInfo.InvariantCulture);

    private static string Signature(IEnumerable<string> parts) =>
        string.Join('|', parts.Order(StringComparer.Ordinal));

    /// <summary>A state's word transitions by (word, next state), keeping the best probability, and its probability of ending.</summary>
    private sealed class State
    {
        public Dictionary<(string Word, int To), double> Next { get; } = [];

        public double End { get; set; }

        public void Add(string word, int to, double probability)
        {
            if (!Next.TryGetValue((word, to), out var known) || probability > known)
            {
                Next[(word, to)] = probability;
            }
        }

        public State Keeping(HashSet<int> states)
        {
            var kept = new State { End = End };
            foreach (var ((word, to), probability) in Next.Where(n => states.Contains(n.Key.To)))
            {
                kept.Add(word, to, probability);
            }

            return kept;
        }
    }
}
