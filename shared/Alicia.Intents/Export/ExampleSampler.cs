namespace Alicia.Intents;

/// <summary>
/// Produces sentences the graph accepts, with their expected slots: all of them when an intent
/// has few, otherwise a seeded random sample where every complete path is equally likely
/// (each step is chosen in proportion to the number of paths it leads to).
/// </summary>
internal sealed class ExampleSampler
{
    private readonly CompiledGraph _graph;

    // Number of complete paths from each state (double: large grammars overflow any integer).
    private readonly double[] _paths;

    public ExampleSampler(CompiledGraph graph)
    {
        _graph = graph;
        _paths = new double[graph.StateCount];
        for (var state = graph.StateCount - 1; state >= 0; state--)
        {
            double count = graph.FinalsOf(state).Length;
            foreach (var transition in graph.TransitionsOf(state))
            {
                count += _paths[transition.Target];
            }

            _paths[state] = count;
        }
    }

    /// <summary>Whether a complete sentence can be formed from this state.</summary>
    public bool CanFinish(int state) => _paths[state] > 0;

    public IEnumerable<IntentExample> Examples(int intent, int max, int seed)
    {
        var count = _graph.TransitionsOf(0).ToArray()
            .Where(t => _graph.StateIntent[t.Target] == intent)
            .Sum(t => _paths[t.Target]);
        if (count <= max)
        {
            return Distinct(EnumerateAll(intent), max);
        }

        var random = new Random(seed);
        var tries = max * 20;
        return Distinct(Enumerable.Range(0, tries).Select(_ => Sample(intent, random)), max);
    }

    private static IEnumerable<IntentExample> Distinct(IEnumerable<IntentExample> examples, int max)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var example in examples)
        {
            if (seen.Count >= max)
            {
                yield break;
            }

            if (seen.Add(example.Text))
            {
                yield return example;
            }
        }
    }

    private List<IntentExample> EnumerateAll(int intent)
    {
        var steps = new List<AlignmentStep>();
        var results = new List<IntentExample>();
        void Walk(int state)
        {
            foreach (var final in _graph.FinalsOf(state))
            {
                results.Add(ToExample(steps, final));
            }

            var first = _graph.TransitionStart[state];
            var transitions = _graph.TransitionsOf(state);
            for (var i = 0; i < transitions.Length; i++)
            {
                var target = transitions[i].Target;
                if (_paths[target] == 0 || (state == 0 && _graph.StateIntent[target] != intent))
                {
                    continue;
                }

                steps.Add(new AlignmentStep(first + i, steps.Count));
                Walk(target);
                steps.RemoveAt(steps.Count - 1);
            }
        }

        Walk(0);
        return results;
    }

    private IntentExample Sample(int intent, Random random)
    {
        var steps = new List<AlignmentStep>();
        var state = 0;
        while (true)
        {
            var finals = _graph.FinalsOf(state);
            var first = _graph.TransitionStart[state];
            var transitions = _graph.TransitionsOf(state);
            var from = state;
            double Weight(int i)
            {
                var target = _graph.Transitions[first + i].Target;
                return from == 0 && _graph.StateIntent[target] != intent ? 0 : _paths[target];
            }

            var total = (double)finals.Length;
            for (var i = 0; i < transitions.Length; i++)
            {
                total += Weight(i);
            }

            var pick = random.NextDouble() * total;
            if (pick < finals.Length)
            {
                return ToExample(steps, finals[(int)pick]);
            }

            pick -= finals.Length;
            var chosen = -1;
            for (var i = 0; i < transitions.Length; i++)
            {
                var weight = Weight(i);
                if (weight > 0)
                {
                    chosen = i;
                    if (pick < weight)
                    {
                        break;
                    }

                    pick -= weight;
                }
            }

            steps.Add(new AlignmentStep(first + chosen, steps.Count));
            state = transitions[chosen].Target;
        }
    }

    private IntentExample ToExample(List<AlignmentStep> steps, FinalTransition final)
    {
        var words = steps.Select(s => _graph.Words[_graph.Transitions[s.Transition].Word]).ToList();
        var slots = SlotExtractor.Extract(_graph, words, new MatchPath(steps, final, 0));
        return new IntentExample(_graph.IntentNames[final.Intent], string.Join(' ', words), slots);
    }
}
