namespace Alicia.Intents;

/// <summary>An <c>[Intent]</c> section: its templates and its local rules.</summary>
internal sealed record IntentDefinition(
    string Name,
    IReadOnlyList<Template> Templates,
    IReadOnlyDictionary<string, RuleDefinition> Rules,
    SourceLocation Location);
