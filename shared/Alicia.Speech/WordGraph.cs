using System.Globalization;
using System.Text;

namespace Alicia.Speech;

/// <summary>
/// A finite-state grammar as pocketsphinx searches it: numbered states, one start and one final state, and
/// transitions that speak a word or nothing, each with a probability (JSGF weights are not normalized, so above 1 too). Read from and written in sphinxbase's FSG text
/// format (FSG_BEGIN, NUM_STATES, START_STATE, FINAL_STATE, TRANSITION from to probability [word], FSG_END).
/// </summary>
internal sealed class WordGraph
{
    public WordGraph(int stateCount, int start, int final, IReadOnlyList<WordTransition> transitions)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(stateCount);
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(start, stateCount);
        ArgumentOutOfRangeException.ThrowIfNegative(final);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(final, stateCount);
        ArgumentNullException.ThrowIfNull(transitions);
        if (transitions.Any(t => t.From < 0 || t.From >= stateCount || t.To < 0 || t.To >= stateCount))
        {
            throw new ArgumentException("A transition leads to or from a state the graph does not have.", nameof(transitions));
        }

        StateCount = stateCount;
        Start = start;
        Final = final;
        Transitions = transitions;
    }

    public int StateCount { get; }

    public int Start { get; }

    public int Final { get; }

    public IReadOnlyList<WordTransition> Transitions { get; }

    /// <summary>Transitions that speak a word (pocketsphinx builds a lexical tree for these; null ones are free).</summary>
    public int WordTransitionCount => Transitions.Count(t => t.Word is not null);

    /// <summary>Reads the FSG text format.</summary>
    /// <exception cref="FormatException">The text is not a well-formed FSG.</exception>
    public static WordGraph Parse(string fsg)
    {
        ArgumentNullException.ThrowIfNull(fsg);
        int? states = null, start = null, final = null;
        var transitions = new List<WordTransition>();
        foreach (var line in fsg.Split('\n'))
        {
            var fields = line.Split([' ', '\t', '\r'], StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length == 0 || fields[0].StartsWith('#'))
            {
                continue;
            }

            switch (fields[0])
            {
                case "NUM_STATES" or "N" when fields.Length == 2:
                    states = Integer(fields[1]);
                    break;
                case "START_STATE" or "S" when fields.Length == 2:
                    start = Integer(fields[1]);
                    break;
                case "FINAL_STATE" or "F" when fields.Length == 2:
                    final = Integer(fields[1]);
                    break;
                case "TRANSITION" or "T" when fields.Length is 4 or 5:
                    transitions.Add(new WordTransition(
                        Integer(fields[1]), Integer(fields[2]), Probability(fields[3]), fields.Length == 5 ? fields[4] : null));
                    break;
                case "FSG_BEGIN" or "FSG_END":
                    break;
                default:
                    throw new FormatException($"Unexpected FSG line '{line.Trim()}'.");
            }
        }

        if (states is null || start is null || final is null)
        {
            throw new FormatException("The FSG lacks NUM_STATES, START_STATE or FINAL_STATE.");
        }

        try
        {
            return new WordGraph(states.Value, start.Value, final.Value, transitions);
        }
        catch (ArgumentException e)
        {
            throw new FormatException($"The FSG is inconsistent: {e.Message}", e);
        }
    }

    /// <summary>Writes the FSG text format that sphinxbase's fsg_model_read reads.</summary>
    public string ToFsg(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"FSG_BEGIN {name}\n")
            .Append(CultureInfo.InvariantCulture, $"NUM_STATES {StateCount}\n")
            .Append(CultureInfo.InvariantCulture, $"START_STATE {Start}\n")
            .Append(CultureInfo.InvariantCulture, $"FINAL_STATE {Final}\n");
        foreach (var (from, to, probability, word) in Transitions)
        {
            text.Append(CultureInfo.InvariantCulture, $"TRANSITION {from} {to} {probability:R}");
            text.Append(word is null ? "\n" : $" {word}\n");
        }

        return text.Append("FSG_END\n").ToString();
    }

    private static int Integer(string field) =>
        int.TryParse(field, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new FormatException($"'{field}' is not a state number.");

    private static double Probability(string field) =>
        double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= 0 && double.IsFinite(value)
            ? value
            : throw new FormatException($"'{field}' is not a probability.");
}
