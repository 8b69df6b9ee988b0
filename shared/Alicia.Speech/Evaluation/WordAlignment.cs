namespace Alicia.Speech.Evaluation;

/// <summary>Word-level comparison of a reference sentence with a recognized one.</summary>
public static class WordAlignment
{
    /// <summary>Lower-case words with punctuation removed, so "Turn on the light." equals "turn on the light".</summary>
    public static IReadOnlyList<string> Words(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var cleaned = new string(text.Select(c => char.IsLetterOrDigit(c) || c == '\'' ? char.ToLowerInvariant(c) : ' ').ToArray());
        return cleaned.Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>Minimum number of word substitutions, insertions and deletions turning one into the other.</summary>
    public static int EditDistance(IReadOnlyList<string> reference, IReadOnlyList<string> hypothesis)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(hypothesis);
        var previous = new int[hypothesis.Count + 1];
        var current = new int[hypothesis.Count + 1];
        for (var j = 0; j <= hypothesis.Count; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= reference.Count; i++)
        {
            current[0] = i;
            for (var j = 1; j <= hypothesis.Count; j++)
            {
                var substitution = previous[j - 1] + (string.Equals(reference[i - 1], hypothesis[j - 1], StringComparison.Ordinal) ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j] + 1, current[j - 1] + 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[hypothesis.Count];
    }
}
