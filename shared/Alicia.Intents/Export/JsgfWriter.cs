using System.Text;

namespace Alicia.Intents;

/// <summary>
/// Writes the templates as a JSGF grammar for pocketsphinx: one rule per intent, one per slot list
/// (expanded to the current names) and one per number range (spoken as words, with shared parts as rules of their
/// own, see <see cref="NumberGrammar"/>). Tags and
/// substitutions only affect values, so they are left out; the grammar accepts exactly the
/// sentences the recognizer matches exactly.
/// </summary>
internal sealed class JsgfWriter
{
    private readonly IntentTemplates _templates;
    private readonly IReadOnlyList<SlotListTable> _lists;
    private readonly RuleResolver _rules;
    private readonly SortedDictionary<string, string> _helperRules = new(StringComparer.Ordinal);

    private JsgfWriter(IntentTemplates templates, IReadOnlyList<SlotListTable> lists)
    {
        _templates = templates;
        _lists = lists;
        _rules = new RuleResolver(templates.SharedRules);
    }

    public const string GrammarName = "alicia";

    public static string Write(IntentTemplates templates, IReadOnlyList<SlotListTable> lists) =>
        new JsgfWriter(templates, lists).Write();

    /// <summary>JSGF rule name of an intent: lower case, as pocketsphinx tools expect.</summary>
    public static string IntentRuleName(string intent) => "intent_" + intent.ToLowerInvariant();

    private string Write()
    {
        var intentRules = new List<(string Name, string Body)>();
        foreach (var intent in _templates.Intents)
        {
            var templates = intent.Templates
                .Select(t => Render(t.Body, intent).Text)
                .OfType<string>()
                .Distinct(StringComparer.Ordinal)
                .ToList();
            if (templates.Count > 0)
            {
                intentRules.Add((IntentRuleName(intent.Name), string.Join(" | ", templates)));
            }
        }

        var text = new StringBuilder();
        text.Append("#JSGF V1.0;\n");
        text.Append("grammar ").Append(GrammarName).Append(";\n\n");
        text.Append("public <command> = ");
        text.Append(intentRules.Count == 0 ? "<VOID>" : string.Join(" | ", intentRules.Select(r => $"<{r.Name}>")));
        text.Append(";\n\n");
        foreach (var (name, body) in intentRules)
        {
            text.Append('<').Append(name).Append("> = ").Append(body).Append(";\n");
        }

        foreach (var (name, body) in _helperRules)
        {
            text.Append('<').Append(name).Append("> = ").Append(body).Append(";\n");
        }

        return text.ToString();
    }

    private JsgfFragment Render(Expression expression, IntentDefinition? scope)
    {
        switch (expression)
        {
            case WordExpression word:
                return new JsgfFragment(word.Word, false);
            case SequenceExpression sequence:
                var parts = new List<string>();
                var canBeEmpty = true;
                foreach (var item in sequence.Items)
                {
                    var fragment = Render(item, scope);
                    if (fragment.MatchesNothing)
                    {
                        return JsgfFragment.Nothing;
                    }

                    canBeEmpty &= fragment.CanBeEmpty;
                    if (fragment.AsItem() is { } part)
                    {
                        parts.Add(part);
                    }
                }

                return new JsgfFragment(parts.Count == 0 ? null : string.Join(' ', parts), canBeEmpty);
            case AlternativesExpression alternatives:
                var choices = new List<string>();
                var anyEmpty = false;
                foreach (var choice in alternatives.Choices)
                {
                    var fragment = Render(choice, scope);
                    anyEmpty |= fragment.CanBeEmpty;
                    if (fragment.Text is { } text && !choices.Contains(text))
                    {
                        choices.Add(text);
                    }
                }

                return choices.Count switch
                {
                    0 => anyEmpty ? JsgfFragment.EmptyOnly : JsgfFragment.Nothing,
                    1 => new JsgfFragment(choices[0], anyEmpty),
                    _ => new JsgfFragment($"( {string.Join(" | ", choices)} )", anyEmpty),
                };
            case TaggedExpression tagged:
                return Render(tagged.Inner, scope);
            case SubstitutedExpression substituted:
                return Render(substituted.Inner, scope);
            case NumberRangeExpression range:
                return new JsgfFragment(NumberRule(range), false);
            case SlotListReference list:
                return ListRule(list);
            case RuleReference reference:
                var (rule, ruleScope) = _rules.Resolve(reference, scope);
                return Render(rule.Body, ruleScope);
            default:
                throw new InvalidOperationException($"unknown template expression {expression.GetType().Name}");
        }
    }

    private string NumberRule(NumberRangeExpression range)
    {
        var name = $"number_{range.Min}_{range.Max}";
        if (!_helperRules.ContainsKey(name))
        {
            foreach (var (rule, body) in NumberGrammar.Rules(name, range.Min, range.Max))
            {
                _helperRules[rule] = body;
            }
        }

        return $"<{name}>";
    }

    private JsgfFragment ListRule(SlotListReference reference)
    {
        var list = _lists.FirstOrDefault(l => l.Name == reference.Name);
        if (list is null || list.Entries.Count == 0)
        {
            return JsgfFragment.Nothing;
        }

        var name = "list_" + list.Name.ToLowerInvariant();
        _helperRules[name] = Alternatives(list.Entries.Select(e => string.Join(' ', e.Words)));
        return new JsgfFragment($"<{name}>", false);
    }

    private static string Alternatives(IEnumerable<string> choices)
    {
        var list = choices.ToList();
        return list.Count == 1 ? list[0] : $"( {string.Join(" | ", list)} )";
    }
}
