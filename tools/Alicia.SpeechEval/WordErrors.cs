namespace Alicia.SpeechEval;

/// <summary>Word errors between what was said and what was heard: substitutions, deletions and insertions.</summary>
internal static class WordErrors
{
    public static string[] Words(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The Levenshtein distance over words (two rows, no allocation per cell).</summary>
    public static int Count(IReadOnlyList<string> expected, IReadOnlyList<string> heard)
    {
        var previous = new int[heard.Count + 1];
        var current = new int[heard.Count + 1];
        for (var j = 0; j <= heard.Count; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= expected.Count; i++)
        {
            current[0] = i;
            for (var j = 1; j <= heard.Count; j++)
            {
                var substitution = previous[j - 1] + (string.Equals(expected[i - 1], heard[j - 1], StringComparison.Ordinal) ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j] + 1, current[j - 1] + 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[heard.Count];
    }
}
