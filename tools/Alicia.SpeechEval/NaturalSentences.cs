using Alicia.Intents;

namespace Alicia.SpeechEval;

/// <summary>
/// Keeps the evaluation to sentences a person says. The timer templates accept any number before either form of
/// the unit ("(1..90 (minute: | minutes:))"), so the sampled examples include "sixty second" and "one minutes";
/// nobody says those, and the decoder, rightly hearing the plural, was scored wrong on them.
/// </summary>
internal static class NaturalSentences
{
    private static readonly Dictionary<string, bool> Units = new(StringComparer.Ordinal)
    {
        ["second"] = false, ["seconds"] = true, ["minute"] = false, ["minutes"] = true, ["hour"] = false, ["hours"] = true,
    };

    /// <summary>
    /// The examples of every intent, as many per intent as asked: the sampler's own choice, except that a sentence
    /// with a number and a unit that do not agree is replaced by the next agreeing example of the same intent.
    /// </summary>
    public static List<IntentExample> Examples(IntentRecognizer intents, int perIntent)
    {
        ArgumentNullException.ThrowIfNull(intents);
        var chosen = new List<IntentExample>();
        foreach (var intent in intents.Intents)
        {
            var first = intents.Examples(intent, perIntent).ToList();
            var spare = new Queue<IntentExample>(intents.Examples(intent, perIntent * 8)
                .Where(e => IsNatural(e.Text) && first.All(f => f.Text != e.Text)));
            foreach (var example in first)
            {
                if (IsNatural(example.Text))
                {
                    chosen.Add(example);
                }
                else if (spare.TryDequeue(out var replacement))
                {
                    chosen.Add(replacement);
                }
            }
        }

        return chosen;
    }

    /// <summary>False when a number is followed by a unit in the wrong number: "sixty second", "one minutes".</summary>
    public static bool IsNatural(string sentence)
    {
        var words = SentenceNormalizer.Normalize(sentence).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 1; i < words.Length; i++)
        {
            if (!Units.TryGetValue(words[i], out var plural))
            {
                continue;
            }

            // The longest run of words before the unit that is one number.
            for (var start = 0; start < i; start++)
            {
                if (NumberWords.TryParse(words[start..i], out var number))
                {
                    if ((number == 1) == plural)
                    {
                        return false;
                    }

                    break;
                }
            }
        }

        return true;
    }
}
