namespace Alicia.Intents;

/// <summary>
/// Converts between integers and the US English words a person says for them
/// ("twenty five", "one hundred five", "two thousand twenty four"). Speech recognizers produce
/// words, while templates and slot values use digits, so both directions are needed.
/// </summary>
public static class NumberWords
{
    private static readonly string[] Units =
    [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
    ];

    private static readonly string[] Tens =
        ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

    private static readonly Dictionary<string, int> SmallValues = BuildSmallValues();

    private static readonly (string Word, int Value)[] Scales =
        [("billion", 1_000_000_000), ("million", 1_000_000), ("thousand", 1_000)];

    /// <summary>The largest number <see cref="ToWords"/> can say.</summary>
    public const long MaxValue = 999_999_999_999;

    /// <summary>The words for a number from 0 to <see cref="MaxValue"/>, e.g. 25 -> ["twenty", "five"].</summary>
    public static IReadOnlyList<string> ToWords(long number)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(number);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(number, MaxValue);
        if (number == 0)
        {
            return ["zero"];
        }

        var words = new List<string>();
        var rest = number;
        foreach (var (word, value) in Scales)
        {
            if (rest >= value)
            {
                AppendBelowThousand(words, (int)(rest / value));
                words.Add(word);
                rest %= value;
            }
        }

        if (rest > 0)
        {
            AppendBelowThousand(words, (int)rest);
        }

        return words;
    }

    /// <summary>
    /// Reads a number spoken as words ("one hundred five", "twenty five"); false when the words
    /// are not exactly one number.
    /// </summary>
    public static bool TryParse(IReadOnlyList<string> words, out long number)
    {
        ArgumentNullException.ThrowIfNull(words);
        number = 0;
        if (words.Count == 0)
        {
            return false;
        }

        long total = 0;
        long group = 0;
        var lastScale = long.MaxValue;
        var groupHasWords = false;
        foreach (var word in words)
        {
            if (SmallValues.TryGetValue(word, out var small))
            {
                if ((groupHasWords && group == 0) || !CanAppend(group, small))
                {
                    return false;
                }

                group += small;
                groupHasWords = true;
            }
            else if (word == "hundred")
            {
                if (!groupHasWords || group == 0 || group >= 10)
                {
                    return false;
                }

                group *= 100;
            }
            else
            {
                var scale = Array.Find(Scales, s => s.Word == word).Value;
                if (scale == 0 || !groupHasWords || group == 0 || scale >= lastScale)
                {
                    return false;
                }

                total += group * scale;
                lastScale = scale;
                group = 0;
                groupHasWords = false;
            }
        }

        if (!groupHasWords && lastScale == long.MaxValue)
        {
            return false;
        }

        number = total + group;
        return true;
    }

    // Words inside one group below a thousand must go from bigger to smaller places:
    // "twenty five" and "one hundred twenty" are numbers, "five twenty" and "twenty twenty" are not.
    private static bool CanAppend(long group, int value)
    {
        var below100 = group % 100;
        if (group != 0 && value == 0)
        {
            return false;
        }

        if (below100 == 0)
        {
            return true;
        }

        return below100 % 10 == 0 && below100 >= 20 && value < 10;
    }

    private static void AppendBelowThousand(List<string> words, int value)
    {
        if (value >= 100)
        {
            words.Add(Units[value / 100]);
            words.Add("hundred");
            value %= 100;
        }

        if (value >= 20)
        {
            words.Add(Tens[value / 10]);
            value %= 10;
            if (value > 0)
            {
                words.Add(Units[value]);
            }
        }
        else if (value > 0)
        {
            words.Add(Units[value]);
        }
    }

    private static Dictionary<string, int> BuildSmallValues()
    {
        var values = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < Units.Length; i++)
        {
            values[Units[i]] = i;
        }

        for (var i = 2; i < Tens.Length; i++)
        {
            values[Tens[i]] = i * 10;
        }

        return values;
    }
}
