namespace Alicia.Intents;

/// <summary>
/// Finds the rule a <c>&lt;name&gt;</c> refers to: a rule of the intent's own section first, then
/// a shared rule from a [*] section. Shared rules see only shared rules.
/// </summary>
internal sealed class RuleResolver(IReadOnlyDictionary<string, RuleDefinition> sharedRules)
{
    /// <summary>The rule and the intent whose local rules its body sees (null: shared only).</summary>
    public (RuleDefinition Rule, IntentDefinition? Scope) Resolve(RuleReference reference, IntentDefinition? scope)
    {
        if (scope is not null && scope.Rules.TryGetValue(reference.Name, out var local))
        {
            return (local, scope);
        }

        if (sharedRules.TryGetValue(reference.Name, out var shared))
        {
            return (shared, null);
        }

        var where = scope is null ? "in [*]" : $"in [{scope.Name}] or [*]";
        throw new IntentTemplateException(reference.Location, $"unknown rule <{reference.Name}>: define it {where} as '{reference.Name} = ...'");
    }

    /// <summary>Checks every rule reference resolves without a cycle and collects slot list names.</summary>
    public void Check(Expression expression, IntentDefinition? scope, ISet<string> slotLists) =>
        Check(expression, scope, slotLists, []);

    /// <summary>Checks a rule definition; a cycle is reported where it closes.</summary>
    public void Check(RuleDefinition rule, IntentDefinition? scope, ISet<string> slotLists) =>
        Check(rule.Body, scope, slotLists, [rule]);

    private void Check(Expression expression, IntentDefinition? scope, ISet<string> slotLists, List<RuleDefinition> expanding)
    {
        switch (expression)
        {
            case SequenceExpression sequence:
                foreach (var item in sequence.Items)
                {
                    Check(item, scope, slotLists, expanding);
                }

                break;
            case AlternativesExpression alternatives:
                foreach (var choice in alternatives.Choices)
                {
                    Check(choice, scope, slotLists, expanding);
                }

                break;
            case TaggedExpression tagged:
                Check(tagged.Inner, scope, slotLists, expanding);
                break;
            case SubstitutedExpression substituted:
                Check(substituted.Inner, scope, slotLists, expanding);
                break;
            case SlotListReference list:
                slotLists.Add(list.Name);
                break;
            case RuleReference reference:
                var (rule, ruleScope) = Resolve(reference, scope);
                if (expanding.Contains(rule))
                {
                    var chain = string.Join(" -> ", expanding.Append(rule).Select(r => $"<{r.Name}>"));
                    throw new IntentTemplateException(reference.Location, $"rule <{rule.Name}> refers to itself: {chain}");
                }

                expanding.Add(rule);
                Check(rule.Body, ruleScope, slotLists, expanding);
                expanding.RemoveAt(expanding.Count - 1);
                break;
        }
    }
}
