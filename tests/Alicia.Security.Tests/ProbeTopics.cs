using Alicia.Testing;

namespace Alicia.Security.Tests;

/// <summary>
/// Concrete topics that exercise every ACL line: each grant's filter made concrete, the same topic
/// with any user name in it swapped for every other user (someone else's health, replies, commands,
/// config), one level deeper than every exact grant, and a few topics nobody may touch.
/// </summary>
public static class ProbeTopics
{
    /// <summary>What + becomes (a site or device id).</summary>
    public const string SingleLevel = "kitchen";

    /// <summary>What # becomes.</summary>
    public const string MultiLevel = "probe";

    /// <summary>A name that is nobody's.</summary>
    public const string Stranger = "intruder";

    private static readonly string[] ForbiddenForEveryone =
    [
        "alicia",
        "alicia/probe",
        "alicia/voice",
        "alicia/voice/stt",
        "Alicia/voice/stt/request",
        "/alicia/voice/stt/request",
        "probe",
        "probe/alicia/voice/stt/request",
        "homeassistant2/light/probe",
        "$SYS/broker/probe",
    ];

    public static IReadOnlyList<string> Derive(AclFile acl, IReadOnlyList<string> users)
    {
        ArgumentNullException.ThrowIfNull(acl);
        var topics = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var rule in acl.Rules)
        {
            var filters = rule.IsPattern ? users.Select(rule.FilterFor).OfType<string>() : [rule.Topic];
            foreach (var filter in filters)
            {
                var concrete = Concrete(filter);
                topics.Add(concrete);
                if (!filter.Contains('+', StringComparison.Ordinal) && !filter.Contains('#', StringComparison.Ordinal))
                {
                    topics.Add(concrete + "/extra");
                }

                topics.UnionWith(WithOtherUsers(concrete, users));
            }
        }

        topics.UnionWith(ForbiddenForEveryone);
        return [.. topics];
    }

    private static string Concrete(string filter) =>
        string.Join('/', filter.Split('/').Select(level => level switch
        {
            "+" => SingleLevel,
            "#" => MultiLevel,
            _ => level,
        }));

    private static IEnumerable<string> WithOtherUsers(string topic, IReadOnlyList<string> users)
    {
        var levels = topic.Split('/');
        for (var i = 0; i < levels.Length; i++)
        {
            if (!users.Contains(levels[i]))
            {
                continue;
            }

            foreach (var other in users.Append(Stranger))
            {
                var swapped = (string[])levels.Clone();
                swapped[i] = other;
                yield return string.Join('/', swapped);
            }
        }
    }
}
