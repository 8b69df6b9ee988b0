namespace Alicia.Intents;

/// <summary>
/// Prices of the small differences speech recognition makes. A full word costs 1; words that are
/// easily dropped or added ("the", "please") cost less; a word spelled almost like the template
/// word ("lights" for "light") costs less than a different word. Words inside slots, numbers and
/// slot lists may only be misspelled slightly, never replaced or dropped: guessing another device
/// or another number is worse than asking again.
/// </summary>
internal static class EditCosts
{
    public const float Forbidden = float.PositiveInfinity;

    private static readonly HashSet<string> Fillers = new(StringComparer.Ordinal)
    {
        "please", "um", "uh", "er", "hmm", "hey", "alicia", "okay", "ok", "oh", "well", "so", "just", "now", "kindly",
        "could", "would", "can",
    };

    private static readonly HashSet<string> FunctionWords = new(StringComparer.Ordinal)
    {
        "the", "a", "an", "to", "of", "for", "is", "it", "me", "my", "in", "at", "and", "be", "are", "do", "you", "your",
    };

    // A protected word may differ in at most this share of its letters ("light" vs "lights").
    private const float ProtectedSpellingTolerance = 0.34f;

    public static float Insertion(string heard) =>
        Fillers.Contains(heard) ? 0.25f : FunctionWords.Contains(heard) ? 0.5f : 1f;

    public static float Deletion(string expected, bool isProtected) =>
        isProtected ? Forbidden : FunctionWords.Contains(expected) ? 0.5f : 1f;

    public static float Substitution(string expected, string heard, bool isProtected)
    {
        var distance = SpellingDistance(expected, heard);
        return isProtected
            ? ProtectedSubstitution(distance, Math.Min(expected.Length, heard.Length))
            : Substitution(distance);
    }

    /// <summary>Share of letters that differ, 0 (same) to 1 (nothing in common).</summary>
    public static float SpellingDistance(string expected, string heard) =>
        (float)LetterDistance(expected, heard) / Math.Max(1, Math.Max(expected.Length, heard.Length));

    /// <summary>Price of hearing a different word where the template has an ordinary word.</summary>
    public static float Substitution(float spellingDistance) => Math.Min(1f, 0.2f + spellingDistance);

    /// <summary>
    /// Price of hearing a different word inside a slot: only a slightly misspelled long word is
    /// accepted, and still costs enough that a second error elsewhere is rejected. Words shorter
    /// than four letters must match: one letter turns "to" into "two" and "for" into "four".
    /// </summary>
    public static float ProtectedSubstitution(float spellingDistance, int shorterLength) =>
        shorterLength < 4 || spellingDistance > ProtectedSpellingTolerance ? Forbidden : 0.5f + spellingDistance;

    // Levenshtein distance over letters, on the stack: words are short.
    internal static int LetterDistance(string a, string b)
    {
        if (b.Length > 64 || a.Length > 64)
        {
            return a == b ? 0 : Math.Max(a.Length, b.Length);
        }

        Span<int> previous = stackalloc int[b.Length + 1];
        Span<int> current = stackalloc int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var replace = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(replace, Math.Min(previous[j], current[j - 1]) + 1);
            }

            current.CopyTo(previous);
        }

        return previous[b.Length];
    }
}
