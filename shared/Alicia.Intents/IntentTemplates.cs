namespace Alicia.Intents;

/// <summary>
/// Parsed and checked sentence templates (Rhasspy sentences.ini style). Immutable; compile them
/// into an <see cref="IntentRecognizer"/> together with the current slot lists.
/// </summary>
public sealed class IntentTemplates
{
    private IntentTemplates(
        IReadOnlyList<IntentDefinition> intents,
        IReadOnlyDictionary<string, RuleDefinition> sharedRules,
        IReadOnlyList<string> slotListNames)
    {
        Intents = intents;
        SharedRules = sharedRules;
        SlotListNames = slotListNames;
        IntentNames = intents.Select(i => i.Name).ToList();
    }

    /// <summary>Intent names in file order (files sorted by name).</summary>
    public IReadOnlyList<string> IntentNames { get; }

    /// <summary>Names of the slot lists the templates use (<c>$device</c> -> "device"), sorted.</summary>
    public IReadOnlyList<string> SlotListNames { get; }

    internal IReadOnlyList<IntentDefinition> Intents { get; }

    internal IReadOnlyDictionary<string, RuleDefinition> SharedRules { get; }

    /// <summary>Reads every *.ini file of a directory (sorted by file name) as one set of templates.</summary>
    /// <exception cref="IntentTemplateException">A file has a mistake; the message names file and line.</exception>
    public static IntentTemplates Load(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        var files = Directory.GetFiles(directory, "*.ini").Order(StringComparer.Ordinal).ToList();
        if (files.Count == 0)
        {
            throw new IntentTemplateException($"no *.ini template files in {directory}");
        }

        return Parse(files.Select(f => new KeyValuePair<string, string>(f, File.ReadAllText(f))));
    }

    /// <summary>Parses one template file's text.</summary>
    /// <param name="text">The file content.</param>
    /// <param name="fileName">Name used in error messages.</param>
    /// <exception cref="IntentTemplateException">The text has a mistake; the message names file and line.</exception>
    public static IntentTemplates Parse(string text, string fileName)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(fileName);
        return Parse([new KeyValuePair<string, string>(fileName, text)]);
    }

    /// <summary>Parses several files (file name -> text) as one set; rules in [*] are shared by all.</summary>
    public static IntentTemplates Parse(IEnumerable<KeyValuePair<string, string>> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var sections = files.SelectMany(f => TemplateFileParser.Parse(f.Value, f.Key)).ToList();
        var shared = new Dictionary<string, RuleDefinition>(StringComparer.Ordinal);
        var intents = new List<IntentDefinition>();
        var intentNames = new Dictionary<string, SourceLocation>(StringComparer.OrdinalIgnoreCase);
        foreach (var section in sections)
        {
            if (section.IsSharedRules)
            {
                AddRules(shared, section.Rules, "shared rule");
                continue;
            }

            if (!intentNames.TryAdd(section.Name, section.Location))
            {
                throw new IntentTemplateException(section.Location, $"intent [{section.Name}] is already defined at {intentNames[section.Name]}");
            }

            if (section.Templates.Count == 0)
            {
                throw new IntentTemplateException(section.Location, $"intent [{section.Name}] has no templates");
            }

            var rules = new Dictionary<string, RuleDefinition>(StringComparer.Ordinal);
            AddRules(rules, section.Rules, "rule");
            intents.Add(new IntentDefinition(section.Name, section.Templates, rules, section.Location));
        }

        if (intents.Count == 0)
        {
            throw new IntentTemplateException("the templates define no intent");
        }

        var slotLists = new SortedSet<string>(StringComparer.Ordinal);
        var resolver = new RuleResolver(shared);
        foreach (var rule in shared.Values)
        {
            resolver.Check(rule, null, slotLists);
        }

        foreach (var intent in intents)
        {
            foreach (var rule in intent.Rules.Values)
            {
                resolver.Check(rule, intent, slotLists);
            }

            foreach (var template in intent.Templates)
            {
                resolver.Check(template.Body, intent, slotLists);
            }
        }

        return new IntentTemplates(intents, shared, slotLists.ToList());
    }

    private static void AddRules(Dictionary<string, RuleDefinition> rules, IEnumerable<RuleDefinition> definitions, string what)
    {
        foreach (var rule in definitions)
        {
            if (!rules.TryAdd(rule.Name, rule))
            {
                throw new IntentTemplateException(rule.Location, $"{what} <{rule.Name}> is already defined at {rules[rule.Name].Location}");
            }
        }
    }
}
