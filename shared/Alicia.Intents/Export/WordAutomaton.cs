using System.Text;

namespace Alicia.Intents;

/// <summary>
/// A finite set of word sequences, built as an automaton with empty moves, and written back as the smallest
/// JSGF that says exactly the same sentences: determinized (sentences that start alike share their beginning) and
/// minimized (sentences that end alike share their ending), with every part used from more than one place written
/// as a rule of its own. Only for sets without loops.
/// </summary>
/// <remarks>
/// Used for number ranges, where it turns a hundred alternatives into "( twenty | ... ) [ one | ... ]". Applied to a
/// whole intent grammar it made pocketsphinx slower, not faster (docs/speech.md): pocketsphinx copies a rule wherever
/// it is referenced, and determinizing splits optional words ("[ the ]") into separate paths that each carry a copy
/// of what follows.
/// </remarks>
internal sealed class WordAutomaton
{
    private readonly List<List<(string? Word, int To)>> _edges = [[]];
    private readonly HashSet<int> _finals = [];

    /// <summary>The state every sentence starts from.</summary>
    public int Start { get; }

    public int AddState()
    {
        _edges.Add([]);
        return _edges.Count - 1;
    }

    public void AddWord(int from, string word, int to)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(word);
        _edges[from].Add((word, to));
    }

    /// <summary>A move that says nothing (an optional part, the end of an alternative).</summary>
    public void AddEmpty(int from, int to) => _edges[from].Add((null, to));

    public void MarkFinal(int state) => _finals.Add(state);

    /// <summary>
    /// The sentences as JSGF rules: the first is named <paramref name="name"/> and says them all, the others
    /// (<paramref name="name"/>_1, _2, ...) are the shared parts. Null when the automaton says nothing, or would need
    /// more than <paramref name="maxStates"/> states once determinized.
    /// </summary>
    /// <exception cref="InvalidOperationException">The automaton has a loop or says the empty sentence.</exception>
    public IReadOnlyList<(string Name, string Body)>? ToJsgfRules(string name, int maxStates = 20_000)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var deterministic = Determinize(maxStates);
        if (deterministic is null)
        {
            return null;
        }

        var writer = new Writer(name);
        var start = writer.Minimize(deterministic, 0, new Dictionary<int, State?>(), []);
        if (start is null)
        {
            return null;
        }

        if (start.Final)
        {
            throw new InvalidOperationException("the grammar says the empty sentence, which JSGF cannot write");
        }

        return writer.Write(start);
    }

    /// <summary>Subset construction: each state of the result is the set of states the words so far can reach.</summary>
    private List<(bool Final, List<(string Word, int To)> Edges)>? Determinize(int maxStates)
    {
        var result = new List<(bool Final, List<(string Word, int To)> Edges)>();
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var pending = new Queue<int[]>();
        int Id(int[] set)
        {
            var key = string.Join(',', set);
            if (!ids.TryGetValue(key, out var id))
            {
                id = result.Count;
                ids[key] = id;
                result.Add((set.Any(_finals.Contains), []));
                pending.Enqueue(set);
            }

            return id;
        }

        _ = Id(Closure([Start]));
        while (pending.TryDequeue(out var set))
        {
            if (result.Count > maxStates)
            {
                return null;
            }

            var from = ids[string.Join(',', set)];
            var byWord = new Dictionary<string, List<int>>(StringComparer.Ordinal);
            var order = new List<string>();
            foreach (var state in set)
            {
                foreach (var (word, to) in _edges[state])
                {
                    if (word is null)
                    {
                        continue;
                    }

                    if (!byWord.TryGetValue(word, out var targets))
                    {
                        targets = [];
                        byWord[word] = targets;
                        order.Add(word);
                    }

                    targets.Add(to);
                }
            }

            foreach (var word in order)
            {
                result[from].Edges.Add((word, Id(Closure(byWord[word]))));
            }
        }

        return result;
    }

    private int[] Closure(IEnumerable<int> states)
    {
        var seen = new SortedSet<int>();
        var stack = new Stack<int>(states);
        while (stack.TryPop(out var state))
        {
            if (seen.Add(state))
            {
                foreach (var (word, to) in _edges[state])
                {
                    if (word is null)
                    {
                        stack.Push(to);
                    }
                }
            }
        }

        return [.. seen];
    }

    /// <summary>A state of the minimal automaton; equal states are one instance, so identity is equality.</summary>
    private sealed class State(int id, bool final, List<(string Word, State Target)> edges)
    {
        public int Id { get; } = id;

        public bool Final { get; } = final;

        public List<(string Word, State Target)> Edges { get; } = edges;
    }

    private sealed class Writer(string name)
    {
        private readonly List<State> _states = [];
        private readonly Dictionary<string, State> _unique = new(StringComparer.Ordinal);
        private readonly Dictionary<State, int> _references = [];
        private readonly Dictionary<State, string> _ruleNames = [];

        /// <summary>
        /// Merges equal states bottom-up (same finality, same words to the same states); null for a state from which
        /// no sentence can be finished.
        /// </summary>
        public State? Minimize(List<(bool Final, List<(string Word, int To)> Edges)> dfa, int id, Dictionary<int, State?> done, HashSet<int> onPath)
        {
            if (done.TryGetValue(id, out var known))
            {
                return known;
            }

            if (!onPath.Add(id))
            {
                throw new InvalidOperationException("the grammar has a loop; only finite grammars can be rewritten");
            }

            var edges = new List<(string Word, State Target)>();
            foreach (var (word, to) in dfa[id].Edges)
            {
                if (Minimize(dfa, to, done, onPath) is { } target)
                {
                    edges.Add((word, target));
                }
            }

            onPath.Remove(id);
            State? state = null;
            if (dfa[id].Final || edges.Count > 0)
            {
                var key = new StringBuilder(dfa[id].Final ? "F" : "N");
                foreach (var (word, target) in edges)
                {
                    key.Append(' ').Append(word).Append('>').Append(target.Id);
                }

                if (!_unique.TryGetValue(key.ToString(), out state))
                {
                    state = new State(_states.Count, dfa[id].Final, edges);
                    _states.Add(state);
                    _unique[key.ToString()] = state;
                }
            }

            done[id] = state;
            return state;
        }

        public List<(string Name, string Body)> Write(State start)
        {
            CountReferences(start, []);
            foreach (var state in _states.Where(s => s.Edges.Count > 0 && _references.GetValueOrDefault(s) > 1 && s != start))
            {
                _ruleNames[state] = $"{name}_{_ruleNames.Count + 1}";
            }

            var rules = new List<(string Name, string Body)> { (name, Body(start)) };
            rules.AddRange(_ruleNames.OrderBy(r => r.Key.Id).Select(r => (r.Value, Body(r.Key))));
            return rules;
        }

        /// <summary>How many places refer to each state, counting edges with the same source and target once (they are written as one group).</summary>
        private void CountReferences(State state, HashSet<State> visited)
        {
            if (!visited.Add(state))
            {
                return;
            }

            foreach (var target in state.Edges.Select(e => e.Target).Distinct())
            {
                _references[target] = _references.GetValueOrDefault(target) + 1;
                CountReferences(target, visited);
            }
        }

        /// <summary>The state's non-empty sentences as JSGF (whether it also ends a sentence is written where it is used).</summary>
        private string Body(State state)
        {
            var alternatives = Alternatives(state);
            return alternatives.Count == 1 ? alternatives[0] : $"( {string.Join(" | ", alternatives)} )";
        }

        /// <summary>
        /// The state's edges as JSGF alternatives: edges to the same state are one alternative, "( twenty | thirty ) tail",
        /// and words that end the sentence are alternatives of their own.
        /// </summary>
        private List<string> Alternatives(State state)
        {
            var alternatives = new List<string>();
            foreach (var group in state.Edges.GroupBy(e => e.Target))
            {
                var words = group.Select(e => e.Word).ToList();
                var tail = Reference(group.Key);
                if (tail.Length == 0)
                {
                    alternatives.AddRange(words);
                }
                else
                {
                    alternatives.Add((words.Count == 1 ? words[0] : $"( {string.Join(" | ", words)} )") + " " + tail);
                }
            }

            return alternatives;
        }

        /// <summary>How a state is written where an edge leads to it: a rule reference, inline, or nothing for the end.</summary>
        private string Reference(State state)
        {
            if (state.Edges.Count == 0)
            {
                return string.Empty;
            }

            if (_ruleNames.TryGetValue(state, out var rule))
            {
                return state.Final ? $"[ <{rule}> ]" : $"<{rule}>";
            }

            var alternatives = Alternatives(state);
            return state.Final
                ? $"[ {string.Join(" | ", alternatives)} ]"
                : alternatives.Count == 1 ? alternatives[0] : $"( {string.Join(" | ", alternatives)} )";
        }
    }
}
