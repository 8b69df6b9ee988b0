using System.Text;
using System.Text.RegularExpressions;

namespace Alicia.Stt.Recognition;

/// <summary>
/// Removes from a JSGF grammar every sentence that uses a word the decoder cannot pronounce, keeping all the others:
/// an alternative using such a word is dropped, a sequence containing a dropped part is dropped, an optional part
/// that is dropped simply disappears, and a rule with nothing left is dropped with every reference to it.
/// </summary>
/// <remarks>
/// pocketsphinx refuses a grammar with even one unknown word, and its JSGF compiler does not treat
/// &lt;VOID&gt; as unspeakable, so the grammar itself has to be rewritten.
/// </remarks>
internal static partial class JsgfPruner
{
    /// <exception cref="FormatException">The grammar is not JSGF this parser understands.</exception>
    public static string Prune(string jsgf, IReadOnlyCollection<string> unspeakable)
    {
        ArgumentNullException.ThrowIfNull(jsgf);
        ArgumentNullException.ThrowIfNull(unspeakable);
        var text = Comment().Replace(jsgf, " ");
        var header = new StringBuilder();
        var rules = new List<(bool Public, string Name, JsgfExpansion Body)>();
        foreach (var raw in SplitStatements(text))
        {
            var statement = raw.Trim();
            if (statement.Length == 0)
            {
                continue;
            }

            var definition = RuleDefinition().Match(statement);
            if (!definition.Success)
            {
                // "#JSGF V1.0", "grammar name", "import <...>": kept as they are.
                header.Append(statement).Append(";\n");
                continue;
            }

            var parser = new JsgfParser(statement[definition.Length..]);
            rules.Add((definition.Groups["public"].Success, definition.Groups["name"].Value, parser.ParseAll()));
        }

        var words = new HashSet<string>(unspeakable, StringComparer.Ordinal);
        var dropped = new HashSet<string>(StringComparer.Ordinal);
        var pruned = new Dictionary<string, JsgfExpansion>(StringComparer.Ordinal);

        // A rule can become empty because a rule it uses did: repeat until nothing changes.
        bool changed;
        do
        {
            changed = false;
            foreach (var (_, name, body) in rules)
            {
                if (dropped.Contains(name))
                {
                    continue;
                }

                var result = Prune(body, words, dropped);
                if (result is null)
                {
                    dropped.Add(name);
                    changed = true;
                }
                else
                {
                    pruned[name] = result;
                }
            }
        }
        while (changed);

        var output = new StringBuilder(header.ToString());
        foreach (var (isPublic, name, _) in rules.Where(r => !dropped.Contains(r.Name)))
        {
            output.Append(isPublic ? "public " : string.Empty).Append('<').Append(name).Append("> = ")
                .Append(JsgfExpansion.Write(pruned[name])).Append(";\n");
        }

        return output.ToString();
    }

    /// <summary>The expansion without what cannot be said, or null when nothing can be said.</summary>
    private static JsgfExpansion? Prune(JsgfExpansion expansion, HashSet<string> words, HashSet<string> dropped)
    {
        switch (expansion)
        {
            case JsgfExpansion.Token token:
                var parts = token.Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
                return parts.Any(words.Contains) ? null : token;
            case JsgfExpansion.RuleReference reference:
                return dropped.Contains(reference.Name) ? null : reference;
            case JsgfExpansion.Choice choice:
                var branches = new List<(string?, JsgfExpansion)>();
                foreach (var (weight, sequence) in choice.Branches)
                {
                    if (Prune(sequence, words, dropped) is { } kept)
                    {
                        branches.Add((weight, kept));
                    }
                }

                return branches.Count == 0 ? null : new JsgfExpansion.Choice(branches);
            case JsgfExpansion.Sequence sequence:
                var items = new List<JsgfExpansion>();
                foreach (var item in sequence.Items)
                {
                    var kept = Prune(item, words, dropped);
                    if (kept is null)
                    {
                        if (!IsOptional(item))
                        {
                            return null;
                        }

                        continue;
                    }

                    items.Add(kept);
                }

                // A sequence of nothing would be an empty alternative, which JSGF cannot write: drop it.
                return items.Count == 0 ? null : new JsgfExpansion.Sequence(items);
            case JsgfExpansion.Group group:
                return Prune(group.Inner, words, dropped) is { } inner ? group with { Inner = inner } : null;
            case JsgfExpansion.Suffixed suffixed:
                return Prune(suffixed.Inner, words, dropped) is { } content ? suffixed with { Inner = content } : null;
            default:
                return expansion;
        }
    }

    /// <summary>Whether an item may be left out of its sequence: "[ ... ]" or "x*", with or without tags.</summary>
    private static bool IsOptional(JsgfExpansion item) => item switch
    {
        JsgfExpansion.Group { Optional: true } => true,
        JsgfExpansion.Suffixed { Suffix: "*" } => true,
        JsgfExpansion.Suffixed suffixed when suffixed.Suffix.StartsWith('{') => IsOptional(suffixed.Inner),
        _ => false,
    };

    /// <summary>Statements end at ';' outside quotes and tags.</summary>
    private static IEnumerable<string> SplitStatements(string text)
    {
        var start = 0;
        var quoted = false;
        var tag = false;
        for (var i = 0; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '"' when !tag:
                    quoted = !quoted;
                    break;
                case '{' when !quoted:
                    tag = true;
                    break;
                case '}' when !quoted:
                    tag = false;
                    break;
                case ';' when !quoted && !tag:
                    yield return text[start..i];
                    start = i + 1;
                    break;
            }
        }

        yield return text[start..];
    }

    [GeneratedRegex(@"/\*.*?\*/|//[^\n]*", RegexOptions.Singleline)]
    private static partial Regex Comment();

    [GeneratedRegex(@"^(?<public>public\s+)?<(?<name>[^>]+)>\s*=")]
    private static partial Regex RuleDefinition();
}
