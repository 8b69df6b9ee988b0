using System.Globalization;
using System.Text;

namespace Alicia.Intents;

/// <summary>
/// Turns typed or transcribed text into the words the templates are written in: lower case,
/// punctuation dropped (apostrophes inside words kept: "what's"), hyphens split
/// ("twenty-five"), digits spoken ("25" -> "twenty five", "2.5" -> "two point five"),
/// "%" -> "percent" and "°" -> "degrees".
/// </summary>
public static class SentenceNormalizer
{
    /// <summary>The normalized words of a sentence.</summary>
    public static IReadOnlyList<string> Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = new List<string>();
        var current = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsLetter(c))
            {
                current.Append(char.ToLowerInvariant(c));
            }
            else if (char.IsDigit(c))
            {
                Flush(words, current);
                i = ReadNumber(text, i, words) - 1;
            }
            else if (IsApostrophe(c) && current.Length > 0 && i + 1 < text.Length && char.IsLetter(text[i + 1]))
            {
                current.Append('\'');
            }
            else
            {
                Flush(words, current);
                if (c == '%')
                {
                    words.Add("percent");
                }
                else if (c == '°')
                {
                    words.Add("degrees");
                }
                else if (c == '&')
                {
                    words.Add("and");
                }
            }
        }

        Flush(words, current);
        return words;
    }

    /// <summary>The normalized sentence as one string of words separated by single spaces.</summary>
    public static string Normalize(string text) => string.Join(' ', Tokenize(text));

    private static bool IsApostrophe(char c) => c is '\'' or '\u2019';

    // Reads digits (with an optional decimal part) starting at index and appends their words;
    // returns the index after the number.
    private static int ReadNumber(string text, int index, List<string> words)
    {
        var end = index;
        while (end < text.Length && (char.IsDigit(text[end]) || (text[end] == ',' && IsThousandsComma(text, end))))
        {
            end++;
        }

        var digits = text[index..end].Replace(",", string.Empty, StringComparison.Ordinal);
        if (long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value <= NumberWords.MaxValue)
        {
            words.AddRange(NumberWords.ToWords(value));
        }
        else
        {
            foreach (var digit in digits)
            {
                words.Add(NumberWords.ToWords(digit - '0')[0]);
            }
        }

        if (end + 1 < text.Length && text[end] == '.' && char.IsDigit(text[end + 1]))
        {
            words.Add("point");
            end++;
            while (end < text.Length && char.IsDigit(text[end]))
            {
                words.Add(NumberWords.ToWords(text[end] - '0')[0]);
                end++;
            }
        }

        return end;
    }

    // "1,000" is one thousand, but "1, 2" is a list.
    private static bool IsThousandsComma(string text, int comma) =>
        comma + 3 < text.Length
        && char.IsDigit(text[comma + 1]) && char.IsDigit(text[comma + 2]) && char.IsDigit(text[comma + 3])
        && (comma + 4 >= text.Length || !char.IsDigit(text[comma + 4]));

    private static void Flush(List<string> words, StringBuilder current)
    {
        if (current.Length > 0)
        {
            words.Add(current.ToString());
            current.Clear();
        }
    }
}
