namespace Alicia.Intents;

/// <summary>
/// Builds the word graph of all templates (rules inlined, number ranges and slot lists as word
/// tries) and compresses it into a <see cref="CompiledGraph"/>.
/// </summary>
internal sealed class GraphCompiler
{
    private readonly IntentTemplates _templates;
    private readonly RuleResolver _rules;
    private readonly Dictionary<string, SlotListTable> _lists;
    private readonly List<SlotListTable> _usedLists = [];
    private readonly WordTable _words = new();
    private readonly WordTable _strings = new();
    private readonly Nfa _nfa = new();
    private int _intent;

    private GraphCompiler(IntentTemplates templates, IReadOnlyDictionary<string, IReadOnlyList<SlotValue>> slotLists)
    {
        _templates = templates;
        _rules = new RuleResolver(templates.SharedRules);
        _lists = slotLists.ToDictionary(l => l.Key, l => new SlotListTable(l.Key, l.Value), StringComparer.Ordinal);
    }

    public static CompiledGraph Compile(IntentTemplates templates, IReadOnlyDictionary<string, IReadOnlyList<SlotValue>> slotLists)
    {
        var compiler = new GraphCompiler(templates, slotLists);
        compiler.BuildAll();
        return GraphCompressor.Compress(
            compiler._nfa,
            compiler._words,
            compiler._strings,
            compiler._usedLists,
            templates.Intents.Select(i => i.Name).ToList());
    }

    private void BuildAll()
    {
        for (_intent = 0; _intent < _templates.Intents.Count; _intent++)
        {
            var intent = _templates.Intents[_intent];
            var ends = new List<int>();
            foreach (var template in intent.Templates)
            {
                var start = _nfa.NewNode(_intent);
                _nfa.AddEmpty(_nfa.Root, start);
                ends.Add(Build(template.Body, start, new BuildContext(intent, InTag: false, Protected: false)));
            }

            var accept = _nfa.NewNode(_intent);
            foreach (var end in ends)
            {
                _nfa.AddEmpty(end, accept);
            }

            _nfa.Accepting[accept] = _intent;
        }
    }

    // Builds the expression starting at node 'from' and returns the node where it ends.
    private int Build(Expression expression, int from, BuildContext context)
    {
        switch (expression)
        {
            case WordExpression word:
                var afterWord = _nfa.NewNode(_intent);
                _nfa.AddWord(from, afterWord, _words.Intern(word.Word), word.Substitution, context.Protected);
                return afterWord;
            case SequenceExpression sequence:
                var node = from;
                foreach (var item in sequence.Items)
                {
                    node = Build(item, node, context);
                }

                return node;
            case AlternativesExpression alternatives:
                var ends = alternatives.Choices.Select(c => Build(c, from, context)).ToList();
                return JoinAll(ends);
            case TaggedExpression tagged:
                return Wrap(
                    from,
                    MarkerKind.TagOpen,
                    _strings.Intern(tagged.SlotName),
                    start => Build(tagged.Inner, start, context with { InTag = true, Protected = true }));
            case SubstitutedExpression substituted:
                return Wrap(
                    from,
                    MarkerKind.SubstitutionOpen,
                    _strings.Intern(substituted.Value),
                    start => Build(substituted.Inner, start, context));
            case NumberRangeExpression range:
                return Wrap(
                    from,
                    MarkerKind.NumberOpen,
                    0,
                    start => BuildTrie(start, NumbersIn(range)));
            case SlotListReference list:
                return BuildList(list, from, context);
            case RuleReference reference:
                var (rule, scope) = _rules.Resolve(reference, context.Scope);
                return Build(rule.Body, from, context with { Scope = scope });
            default:
                throw new InvalidOperationException($"unknown template expression {expression.GetType().Name}");
        }
    }

    private int BuildList(SlotListReference reference, int from, BuildContext context)
    {
        if (!_lists.TryGetValue(reference.Name, out var list))
        {
            var known = _lists.Count == 0 ? "none" : string.Join(", ", _lists.Keys.Order(StringComparer.Ordinal).Select(k => "$" + k));
            throw new IntentTemplateException(reference.Location, $"unknown slot list ${reference.Name} (slot lists given: {known})");
        }

        var index = _usedLists.IndexOf(list);
        if (index < 0)
        {
            index = _usedLists.Count;
            _usedLists.Add(list);
        }

        int BuildEntry(int start) => Wrap(start, MarkerKind.ListOpen, index, inner => BuildTrie(inner, list.Entries.Select(e => e.Words)));

        // A list outside any tag is reported as a slot named after the list: "$device" -> {device}.
        return context.InTag
            ? BuildEntry(from)
            : Wrap(from, MarkerKind.TagOpen, _strings.Intern(list.Name), BuildEntry);
    }

    private static IEnumerable<IReadOnlyList<string>> NumbersIn(NumberRangeExpression range)
    {
        for (var value = range.Min; value <= range.Max; value++)
        {
            yield return NumberWords.ToWords(value);
        }
    }

    // Marker, inner part, closing marker: the closing kind always follows the opening one.
    private int Wrap(int from, MarkerKind open, int argument, Func<int, int> buildInner)
    {
        var start = _nfa.NewNode(_intent);
        _nfa.AddMarker(from, start, new Marker(open, argument));
        var innerEnd = buildInner(start);
        var end = _nfa.NewNode(_intent);
        _nfa.AddMarker(innerEnd, end, new Marker(open + 1, argument));
        return end;
    }

    // Word sequences sharing a prefix share nodes, so "twenty one" .. "twenty nine" hang off one "twenty".
    private int BuildTrie(int from, IEnumerable<IReadOnlyList<string>> sequences)
    {
        var children = new Dictionary<(int Node, int Word), int>();
        var ends = new List<int>();
        var seen = new HashSet<int>();
        foreach (var sequence in sequences)
        {
            var node = from;
            foreach (var word in sequence)
            {
                var id = _words.Intern(word);
                if (!children.TryGetValue((node, id), out var child))
                {
                    child = _nfa.NewNode(_intent);
                    _nfa.AddWord(node, child, id, null, isProtected: true);
                    children.Add((node, id), child);
                }

                node = child;
            }

            if (seen.Add(node))
            {
                ends.Add(node);
            }
        }

        return JoinAll(ends);
    }

    // An empty list leaves no way through: the new end node is then unreachable, which is what
    // "no device of this kind" should mean.
    private int JoinAll(List<int> ends)
    {
        var end = _nfa.NewNode(_intent);
        foreach (var e in ends)
        {
            _nfa.AddEmpty(e, end);
        }

        return end;
    }
}
