using System.Text;

namespace Alicia.Speech;

/// <summary>
/// Splits text into pieces of at most a given length, preferring sentence ends, then clause punctuation,
/// then spaces, and cutting mid-word only when a "word" is longer than a whole piece.
/// </summary>
internal static class TextChunker
{
    private static readonly char[] SentenceEnds = ['.', '!', '?', ';', '\n'];
    private static readonly char[] ClauseEnds = [',', ':', ')'];

    public static IReadOnlyList<string> Split(string text, int maxChunkLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxChunkLength, 1);

        var chunks = new List<string>();
        var current = new StringBuilder();
        foreach (var sentence in Sentences(text))
        {
            foreach (var piece in HardSplit(sentence, maxChunkLength))
            {
                if (current.Length > 0 && current.Length + 1 + piece.Length > maxChunkLength)
                {
                    chunks.Add(current.ToString());
                    current.Clear();
                }

                if (current.Length > 0)
                {
                    current.Append(' ');
                }

                current.Append(piece);
            }
        }

        if (current.Length > 0)
        {
            chunks.Add(current.ToString());
        }

        return chunks;
    }

    /// <summary>Sentences with their closing punctuation, trimmed, empty ones dropped.</summary>
    private static IEnumerable<string> Sentences(string text)
    {
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            // A full stop ends a sentence only when whitespace follows, so "3.5" and "e.g." inside words stay whole.
            var endsSentence = Array.IndexOf(SentenceEnds, text[i]) >= 0
                && (i + 1 == text.Length || char.IsWhiteSpace(text[i + 1]) || text[i] == '\n');
            if (endsSentence)
            {
                var sentence = text[start..(i + 1)].Trim();
                if (sentence.Length > 0)
                {
                    yield return sentence;
                }

                start = i + 1;
            }
        }

        var rest = text[start..].Trim();
        if (rest.Length > 0)
        {
            yield return rest;
        }
    }

    private static IEnumerable<string> HardSplit(string sentence, int maxLength)
    {
        var rest = sentence;
        while (rest.Length > maxLength)
        {
            var cut = LastBreakBefore(rest, maxLength, ClauseEnds, includeBreak: true);
            if (cut <= 0)
            {
                cut = LastBreakBefore(rest, maxLength, [' ', '\t'], includeBreak: false);
            }

            if (cut <= 0)
            {
                cut = maxLength;
            }

            yield return rest[..cut].Trim();
            rest = rest[cut..].TrimStart();
        }

        if (rest.Length > 0)
        {
            yield return rest;
        }
    }

    /// <summary>Index just after the last break character that keeps the head within maxLength; 0 if none.</summary>
    private static int LastBreakBefore(string text, int maxLength, char[] breaks, bool includeBreak)
    {
        var limit = Math.Min(text.Length, maxLength + (includeBreak ? 0 : 1));
        for (var i = limit - 1; i > 0; i--)
        {
            if (Array.IndexOf(breaks, text[i]) >= 0)
            {
                return includeBreak ? i + 1 : i;
            }
        }

        return 0;
    }
}
