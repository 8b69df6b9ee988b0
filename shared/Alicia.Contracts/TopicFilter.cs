namespace Alicia.Contracts;

/// <summary>MQTT topic filter matching (<c>+</c> one level, <c>#</c> the rest), without allocations.</summary>
public static class TopicFilter
{
    public static bool Matches(string filter, string topic)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(topic);

        var f = 0;
        var t = 0;
        while (f < filter.Length)
        {
            if (filter[f] == '#')
            {
                return true;
            }

            if (filter[f] == '+')
            {
                while (t < topic.Length && topic[t] != '/')
                {
                    t++;
                }

                f++;
            }
            else
            {
                if (t >= topic.Length || filter[f] != topic[t])
                {
                    // "a/#" also matches "a" itself.
                    return t == topic.Length && string.CompareOrdinal(filter, f, "/#", 0, 2) == 0 && f + 2 == filter.Length;
                }

                f++;
                t++;
            }
        }

        return t == topic.Length;
    }

    /// <summary>The filter with any MQTT 5 shared-subscription prefix (<c>$share/group/</c>) removed.</summary>
    public static string WithoutSharePrefix(string filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (!filter.StartsWith("$share/", StringComparison.Ordinal))
        {
            return filter;
        }

        var groupEnd = filter.IndexOf('/', "$share/".Length);
        return groupEnd < 0 ? filter : filter[(groupEnd + 1)..];
    }
}
