using System.Text.RegularExpressions;

namespace Alicia.Stt.Recognition;

/// <summary>
/// Makes a grammar usable when some of its words have no pronunciation: each such word becomes the JSGF
/// special rule <c>&lt;VOID&gt;</c>, which can never be spoken, so exactly the alternatives that use the word
/// drop out and everything else in the grammar keeps working.
/// </summary>
internal static partial class JsgfWordRemover
{
    public static string Remove(string jsgf, IReadOnlyCollection<string> words)
    {
        ArgumentNullException.ThrowIfNull(jsgf);
        ArgumentNullException.ThrowIfNull(words);
        if (words.Count == 0)
        {
            return jsgf;
        }

        var unknown = new HashSet<string>(words, StringComparer.Ordinal);
        var withoutComments = Comment().Replace(jsgf, " ");
        var statements = withoutComments.Split(';');
        for (var i = 0; i < statements.Length; i++)
        {
            var statement = statements[i];
            var equals = statement.IndexOf('=', StringComparison.Ordinal);
            if (equals < 0 || !RuleStart().IsMatch(statement[..equals]))
            {
                // The header, the grammar name and imports hold no words.
                continue;
            }

            var body = Item().Replace(statement[(equals + 1)..], m => Replacement(m, unknown));
            statements[i] = statement[..(equals + 1)] + body;
        }

        return string.Join(';', statements);
    }

    private static string Replacement(Match item, HashSet<string> unknown)
    {
        if (item.Groups["word"].Success)
        {
            return unknown.Contains(item.Value) ? "<VOID>" : item.Value;
        }

        if (item.Groups["quoted"].Success)
        {
            var parts = item.Groups["quoted"].Value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            return parts.Any(unknown.Contains) ? "<VOID>" : item.Value;
        }

        // Rule references, tags and weights are kept as they are.
        return item.Value;
    }

    [GeneratedRegex(@"/\*.*?\*/|//[^\n]*", RegexOptions.Singleline)]
    private static partial Regex Comment();

    [GeneratedRegex(@"^\s*(public\s+)?<[^>]+>\s*$")]
    private static partial Regex RuleStart();

    [GeneratedRegex("<[^>]*>|\\{[^}]*\\}|/[^/]*/|\"(?<quoted>[^\"]*)\"|(?<word>[^\\s()\\[\\]|*+<>{}/\"]+)")]
    private static partial Regex Item();
}
