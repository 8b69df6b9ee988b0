namespace Alicia.Intents;

/// <summary>A <c>[Name]</c> section as written in one file, before names are resolved.</summary>
internal sealed record TemplateSection(
    string Name,
    SourceLocation Location,
    IReadOnlyList<Template> Templates,
    IReadOnlyList<RuleDefinition> Rules)
{
    /// <summary>Name of the section whose rules every intent can use.</summary>
    public const string SharedRulesName = "*";

    public bool IsSharedRules => Name == SharedRulesName;
}
