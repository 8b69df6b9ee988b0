using System.Text;

namespace Alicia.Intents;

/// <summary>
/// A number range as compact JSGF: the smallest word automaton that accepts exactly the spoken numbers of the range,
/// written with shared tails, e.g. 1..100 as
/// <c>( two | ... | nineteen | one [ hundred ] | ( twenty | ... | ninety ) [ one | ... | nine ] )</c>.
/// </summary>
/// <remarks>
/// Written as 100 separate alternatives, the range makes pocketsphinx search a path per number ("twenty one",
/// "twenty two", ... each with its own copy of "twenty"), and the default intents have five such ranges: they were
/// most of the search graph and most of the decoding time. The automaton shares every common ending, so a tens
/// word is searched once and the unit words after it once. Built by merging equal suffixes of the trie of the
/// numbers' words (the minimal automaton of a finite language), then each state used from more than one place
/// becomes a rule of its own.
/// </remarks>
internal sealed class NumberGrammar
{
    private readonly List<State> _states = [];
    private readonly Dictionary<string, State> _unique = new(StringComparer.Ordinal);
    private readonly Dictionary<State, int> _references = [];
    private readonly Dictionary<State, string> _ruleNames = [];
    private readonly string _name;

    private NumberGrammar(string name) => _name = name;

    /// <summary>
    /// The rules for the numbers <paramref name="min"/>..<paramref name="max"/>: the first is named
    /// <paramref name="name"/>, the others (shared parts) <paramref name="name"/>_1, _2, ...
    /// </summary>
    public static IReadOnlyList<(string Name, string Body)> Rules(string name, int min, int max)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(min);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, min);
        var grammar = new NumberGrammar(name);
        var trie = new TrieNode();
        for (var n = min; n <= max; n++)
        {
            var node = trie;
            foreach (var word in NumberWords.ToWords(n))
            {
                node = node.Child(word);
            }

            node.Final = true;
        }

        var start = grammar.Minimize(trie);
        grammar.CountReferences(start, []);
        return grammar.Write(start);
    }

    /// <summary>Merges equal sub-trees bottom-up: two nodes with the same finality and the same edges to the same states are one state.</summary>
    private State Minimize(TrieNode node)
    {
        var edges = node.Children.Select(c => (c.Word, Minimize(c.Node))).ToList();
        var key = new StringBuilder(node.Final ? "F" : "N");
        foreach (var (word, target) in edges)
        {
            key.Append(' ').Append(word).Append('>').Append(target.Id);
        }

        if (_unique.TryGetValue(key.ToString(), out var existing))
        {
            return existing;
        }

        var state = new State(_states.Count, node.Final, edges);
        _states.Add(state);
        _unique[key.ToString()] = state;
        return state;
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

    private List<(string Name, string Body)> Write(State start)
    {
        foreach (var state in _states.Where(s => s.Edges.Count > 0 && _references.GetValueOrDefault(s) > 1 && s != start))
        {
            _ruleNames[state] = $"{_name}_{_ruleNames.Count + 1}";
        }

        var rules = new List<(string Name, string Body)> { (_name, Body(start, out var startCanBeEmpty)) };
        if (startCanBeEmpty)
        {
            throw new InvalidOperationException("a number range never includes the empty sentence");
        }

        rules.AddRange(_ruleNames.OrderBy(r => r.Key.Id).Select(r => (r.Value, Body(r.Key, out _))));
        return rules;
    }

    /// <summary>The state's non-empty sentences as JSGF; whether it also accepts the empty sentence is returned apart.</summary>
    private string Body(State state, out bool canBeEmpty)
    {
        canBeEmpty = state.Final;
        var alternatives = Alternatives(state);
        return alternatives.Count == 1 ? alternatives[0] : $"( {string.Join(" | ", alternatives)} )";
    }

    /// <summary>
    /// The state's edges as JSGF alternatives: edges to the same state are one alternative, "( twenty | thirty ) tail",
    /// and words that end the number are alternatives of their own.
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

    private sealed class TrieNode
    {
        public List<(string Word, TrieNode Node)> Children { get; } = [];

        public bool Final { get; set; }

        public TrieNode Child(string word)
        {
            foreach (var (existing, node) in Children)
            {
                if (existing == word)
                {
                    return node;
                }
            }

            var child = new TrieNode();
            Children.Add((word, child));
            return child;
        }
    }

    /// <summary>A state of the automaton; equal states are one instance, so identity is equality.</summary>
    private sealed class State(int id, bool final, List<(string Word, State Target)> edges)
    {
        public int Id { get; } = id;

        public bool Final { get; } = final;

        public List<(string Word, State Target)> Edges { get; } = edges;
    }
}
