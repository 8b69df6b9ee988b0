namespace Alicia.Testing;

/// <summary>
/// Who may publish or read what, from the repository's mosquitto/acl (the file the test broker
/// enforces): user blocks of <c>topic read|write|readwrite FILTER</c> lines. A test picks from it an
/// identity that may publish a topic, so it goes through the real permissions instead of around them.
/// (tests/Alicia.Security.Tests checks the broker against a full model of the same file.)
/// </summary>
public sealed class BrokerAcl
{
    private readonly List<(string User, bool Read, bool Write, string Filter)> _grants;

    private BrokerAcl(List<(string User, bool Read, bool Write, string Filter)> grants, IReadOnlyList<string> users)
    {
        _grants = grants;
        Users = users;
    }

    /// <summary>Users with a block, in file order.</summary>
    public IReadOnlyList<string> Users { get; }

    /// <summary>The ACL the test broker uses (<see cref="MosquittoBroker.AclPath"/>).</summary>
    public static BrokerAcl Load() => Parse(File.ReadAllLines(MosquittoBroker.AclPath));

    public static BrokerAcl Parse(IEnumerable<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var grants = new List<(string, bool, bool, string)>();
        var users = new List<string>();
        string? user = null;
        foreach (var raw in lines)
        {
            var words = raw.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length == 0 || words[0].StartsWith('#'))
            {
                continue;
            }

            switch (words)
            {
                case ["user", var name]:
                    user = name;
                    users.Add(name);
                    break;
                case ["topic", var access, var filter] when user is not null:
                    grants.Add((user, access is "read" or "readwrite", access is "write" or "readwrite", filter));
                    break;
                case ["topic", var filter] when user is not null:
                    grants.Add((user, true, true, filter));
                    break;
                default:
                    throw new FormatException($"acl line not understood here: {raw}");
            }
        }

        return new BrokerAcl(grants, users);
    }

    public bool MayWrite(string user, string topic) => _grants.Any(g => g.User == user && g.Write && Matches(g.Filter, topic));

    public bool MayRead(string user, string topic) => _grants.Any(g => g.User == user && g.Read && Matches(g.Filter, topic));

    /// <summary>The users that may publish <paramref name="topic"/>, in file order.</summary>
    public IReadOnlyList<string> Writers(string topic) => [.. Users.Where(u => MayWrite(u, topic))];

    /// <summary>MQTT filter matching: <c>+</c> is one level, a trailing <c>#</c> this level and below.</summary>
    public static bool Matches(string filter, string topic)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(topic);
        var f = filter.Split('/');
        var t = topic.Split('/');
        for (var i = 0; i < f.Length; i++)
        {
            if (f[i] == "#")
            {
                return true;
            }

            if (i >= t.Length || (f[i] != "+" && f[i] != t[i]))
            {
                return false;
            }
        }

        return f.Length == t.Length;
    }
}
