using System.Text;
using System.Text.RegularExpressions;

namespace Alicia.Speech;

/// <summary>
/// The small amount of JSGF understanding the recognizer needs before handing a grammar to pocketsphinx:
/// the words it uses (to check them against the dictionary) and its public rules.
/// </summary>
internal static partial class JsgfGrammar
{
    /// <summary>Name of the rule added when a grammar has several public rules.</summary>
    internal const string EntryRule = "alicia_entry";

    /// <summary>
    /// The words (terminal tokens) of a grammar: everything outside rule names, tags, weights, quotes' marks,
    /// comments, the header, grammar/import declarations and operators.
    /// </summary>
    public static IReadOnlyList<string> Words(string jsgf)
    {
        var body = StripDeclarations(jsgf);
        body = RuleReference().Replace(body, " ");
        body = Tag().Replace(body, " ");
        body = Weight().Replace(body, " ");
        var words = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match token in Token().Matches(body))
        {
            var word = token.Groups["quoted"].Success ? token.Groups["quoted"].Value : token.Value;
            foreach (var part in word.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            {
                if (seen.Add(part))
                {
                    words.Add(part);
                }
            }
        }

        return words;
    }

    /// <summary>Names of the rules declared public, in the order they appear.</summary>
    public static IReadOnlyList<string> PublicRules(string jsgf) =>
        PublicRuleDeclaration().Matches(StripComments(jsgf)).Select(m => m.Groups["name"].Value).ToList();

    /// <summary>
    /// Rules referenced but never defined. pocketsphinx accepts such a grammar and silently drops the reference,
    /// which would make the grammar mean something other than what was written.
    /// </summary>
    public static IReadOnlyList<string> UndefinedRules(string jsgf)
    {
        var text = StripComments(jsgf);
        var defined = RuleDefinition().Matches(text).Select(m => m.Groups["name"].Value).ToHashSet(StringComparer.Ordinal);
        return RuleReference().Matches(RuleDefinitionStart().Replace(text, " "))
            .Select(m => m.Value[1..^1].Trim())
            .Where(name => name is not ("NULL" or "VOID") && !name.Contains('.', StringComparison.Ordinal) && !defined.Contains(name))
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// pocketsphinx decodes only one public rule, picked from a hash table, so with several public rules the
    /// active one would be arbitrary. JSGF means every public rule is an entry point: make them private and add
    /// one public rule that is the choice of all of them.
    /// </summary>
    public static string WithSingleEntryRule(string jsgf)
    {
        var text = StripComments(jsgf);
        var rules = PublicRules(text);
        if (rules.Count <= 1)
        {
            return jsgf;
        }

        var builder = new StringBuilder(PublicRuleDeclaration().Replace(text, m => $"<{m.Groups["name"].Value}> ="));
        builder.Append('\n').Append("public <").Append(EntryRule).Append("> = ")
            .AppendJoin(" | ", rules.Select(r => $"<{r}>")).Append(";\n");
        return builder.ToString();
    }

    private static string StripComments(string jsgf) => Comment().Replace(jsgf, " ");

    private static string StripDeclarations(string jsgf)
    {
        var text = StripComments(jsgf);
        text = Header().Replace(text, " ");
        text = Declaration().Replace(text, " ");
        return RuleDefinitionStart().Replace(text, " ");
    }

    [GeneratedRegex(@"/\*.*?\*/|//[^\n]*", RegexOptions.Singleline)]
    private static partial Regex Comment();

    [GeneratedRegex(@"#JSGF[^;]*;")]
    private static partial Regex Header();

    [GeneratedRegex(@"\b(grammar|import)\s+[^;]*;")]
    private static partial Regex Declaration();

    [GeneratedRegex(@"(\bpublic\s+)?<[^>]+>\s*=")]
    private static partial Regex RuleDefinitionStart();

    [GeneratedRegex(@"<(?<name>[^>]+)>\s*=")]
    private static partial Regex RuleDefinition();

    [GeneratedRegex(@"\bpublic\s+<(?<name>[^>]+)>\s*=")]
    private static partial Regex PublicRuleDeclaration();

    [GeneratedRegex(@"<[^>]*>")]
    private static partial Regex RuleReference();

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex Tag();

    [GeneratedRegex(@"/[^/]*/")]
    private static partial Regex Weight();

    [GeneratedRegex("\"(?<quoted>[^\"]*)\"|[^\\s()\\[\\]|*+;=\"]+")]
    private static partial Regex Token();
}
