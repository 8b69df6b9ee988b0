namespace Alicia.Testing;

/// <summary>
/// mosquitto/acl parsed into rules, with the broker's decision for any user, topic and access.
/// Only the constructs mosquitto's acl_file knows are accepted; anything else fails the parse so
/// the model can never silently disagree with the broker.
/// </summary>
public sealed class AclFile
{
    private AclFile(IReadOnlyList<AclRule> rules, IReadOnlyList<string> users)
    {
        Rules = rules;
        Users = users;
    }

    public IReadOnlyList<AclRule> Rules { get; }

    /// <summary>Users with a block, in file order.</summary>
    public IReadOnlyList<string> Users { get; }

    public static AclFile Load(string path) => Parse(File.ReadAllLines(path));

    public static AclFile Parse(IEnumerable<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var rules = new List<AclRule>();
        var users = new List<string>();
        string? user = null;
        var number = 0;
        foreach (var raw in lines)
        {
            number++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var words = line.Split(' ', 3, StringSplitOptions.RemoveEmptyEntries);
            switch (words[0])
            {
                case "user" when words.Length == 2:
                    user = words[1];
                    if (users.Contains(user))
                    {
                        throw new FormatException($"acl line {number}: second block for user {user}");
                    }

                    users.Add(user);
                    break;
                case "topic" or "pattern":
                    var (access, topic) = words.Length == 3 ? (ParseAccess(words[1], number), words[2]) : (AclAccess.ReadWrite, words[1]);
                    var isPattern = words[0] == "pattern";
                    if (!isPattern && user is null)
                    {
                        throw new FormatException($"acl line {number}: topic line before any user would apply to anonymous clients");
                    }

                    rules.Add(new AclRule(isPattern ? null : user, isPattern, access, topic, number));
                    break;
                default:
                    throw new FormatException($"acl line {number}: not understood: {line}");
            }
        }

        return new AclFile(rules, users);
    }

    /// <summary>Whether mosquitto lets <paramref name="user"/> do <paramref name="access"/> on the concrete <paramref name="topic"/>.</summary>
    public bool Allows(string user, string topic, AclAccess access) =>
        Rules.Any(rule => (rule.Access & access) == access && rule.FilterFor(user) is { } filter && MosquittoTopicFilter.Matches(filter, topic));

    /// <summary>The topic filters granted to <paramref name="user"/> (patterns expanded).</summary>
    public IEnumerable<string> FiltersFor(string user) => Rules.Select(r => r.FilterFor(user)).OfType<string>();

    private static AclAccess ParseAccess(string word, int number) => word switch
    {
        "read" => AclAccess.Read,
        "write" => AclAccess.Write,
        "readwrite" => AclAccess.ReadWrite,
        // "deny" and "subscribe" would need the broker's precedence rules; the project's ACL uses neither.
        _ => throw new FormatException($"acl line {number}: access '{word}' is not modelled by this test"),
    };
}
