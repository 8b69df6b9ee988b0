using Alicia.Intents;

namespace Alicia.Ai.Timers;

/// <summary>Durations as a person says them: "five minutes", "one hour and fifteen minutes", "a five minute timer".</summary>
public static class DurationWords
{
    /// <summary>"one hour and fifteen minutes"; seconds are dropped from durations of an hour or more.</summary>
    public static string Describe(int totalSeconds) => string.Join(" and ", Parts(totalSeconds, plural: true));

    /// <summary>As an adjective: "five minute" (for "your five minute timer").</summary>
    public static string AsAdjective(int totalSeconds) => string.Join(" and ", Parts(totalSeconds, plural: false));

    private static List<string> Parts(int totalSeconds, bool plural)
    {
        var seconds = Math.Max(0, totalSeconds);
        var hours = seconds / 3600;
        var minutes = seconds % 3600 / 60;
        var rest = seconds % 60;
        var parts = new List<string>();
        Add(parts, hours, "hour", plural);
        Add(parts, minutes, "minute", plural);
        if (hours == 0)
        {
            Add(parts, rest, "second", plural);
        }

        if (parts.Count == 0)
        {
            parts.Add(plural ? "zero seconds" : "zero second");
        }

        return parts;
    }

    private static void Add(List<string> parts, int count, string unit, bool plural)
    {
        if (count > 0)
        {
            parts.Add($"{string.Join(' ', NumberWords.ToWords(count))} {unit}{(plural && count != 1 ? "s" : "")}");
        }
    }
}
