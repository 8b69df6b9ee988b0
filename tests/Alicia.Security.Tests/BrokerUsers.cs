using System.Text.RegularExpressions;
using Alicia.Testing;

namespace Alicia.Security.Tests;

/// <summary>The broker users, read from deploy/secrets.sh (the script that creates their credentials).</summary>
public static partial class BrokerUsers
{
    private static readonly Lazy<IReadOnlyList<string>> Names = new(Read);

    public static IReadOnlyList<string> All => Names.Value;

    /// <summary>The users that are services (everything except the people's tools and the device bridge).</summary>
    public static IReadOnlyList<string> Services => [.. All.Except(["dashboard", "cli", "bridge"])];

    private static string[] Read()
    {
        var script = File.ReadAllText(Repository.File("deploy", "secrets.sh"));
        var match = UsersArray().Match(script);
        if (!match.Success)
        {
            throw new InvalidOperationException("deploy/secrets.sh has no USERS=(...) line.");
        }

        return match.Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }

    [GeneratedRegex(@"^readonly USERS=\(([^)]*)\)", RegexOptions.Multiline)]
    private static partial Regex UsersArray();
}
