using System.Text.RegularExpressions;

namespace Alicia.Intents;

/// <summary>Splits one .ini template file into sections, templates and rule definitions.</summary>
internal static partial class TemplateFileParser
{
    public static IReadOnlyList<TemplateSection> Parse(string text, string fileName)
    {
        var sections = new List<TemplateSection>();
        string? sectionName = null;
        SourceLocation? sectionLocation = null;
        var templates = new List<Template>();
        var rules = new List<RuleDefinition>();

        void CloseSection()
        {
            if (sectionName is not null)
            {
                sections.Add(new TemplateSection(sectionName, sectionLocation!, templates, rules));
                templates = [];
                rules = [];
            }
        }

        var lines = text.Split('\n');
        for (var index = 0; index < lines.Length; index++)
        {
            var location = new SourceLocation(fileName, index + 1);
            var line = StripComment(lines[index].TrimEnd('\r'));
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var header = SectionHeader().Match(line);
            if (header.Success)
            {
                CloseSection();
                sectionName = header.Groups["name"].Value;
                sectionLocation = location;
                continue;
            }

            if (sectionName is null)
            {
                throw new IntentTemplateException(location, "template outside any section: start the file with [IntentName] or [*]");
            }

            var rule = RuleLine().Match(line);
            if (rule.Success)
            {
                var body = rule.Groups["body"];
                rules.Add(new RuleDefinition(
                    rule.Groups["name"].Value,
                    ExpressionParser.Parse(body.Value, location, body.Index + 1),
                    location));
                continue;
            }

            if (line.Contains('=', StringComparison.Ordinal))
            {
                throw new IntentTemplateException(location, "'=' is only allowed in a rule definition: name = words");
            }

            if (sectionName == TemplateSection.SharedRulesName)
            {
                throw new IntentTemplateException(location, "the [*] section holds only rules (name = words), not templates");
            }

            templates.Add(new Template(ExpressionParser.Parse(line, location, 1), location));
        }

        CloseSection();
        return sections;
    }

    // '#' starts a comment anywhere: templates never contain it.
    private static string StripComment(string line)
    {
        var hash = line.IndexOf('#', StringComparison.Ordinal);
        return hash < 0 ? line : line[..hash];
    }

    [GeneratedRegex(@"^\s*\[\s*(?<name>\*|[A-Za-z_][A-Za-z0-9_]*)\s*\]\s*$")]
    private static partial Regex SectionHeader();

    [GeneratedRegex(@"^\s*(?<name>[A-Za-z_][A-Za-z0-9_]*)\s*=(?<body>.*)$")]
    private static partial Regex RuleLine();
}
