using Alicia.Testing;

namespace Alicia.Ai.Tests.Support;

/// <summary>
/// Runs the test broker with one grant more than mosquitto/acl has (a copy of the ACL, the config
/// pointed at it, SIGHUP), for behaviour that waits for that grant. Does nothing once the real ACL has it.
/// </summary>
internal static class AclGrant
{
    public static async Task EnsureAsync(MosquittoBroker broker, string user, string grant)
    {
        var acl = await File.ReadAllLinesAsync(MosquittoBroker.AclPath);
        var block = acl.SkipWhile(l => l.Trim() != $"user {user}").Skip(1).TakeWhile(l => !l.StartsWith("user ", StringComparison.Ordinal));
        if (block.Any(l => l.Trim() == grant))
        {
            return;
        }

        var extended = Path.Combine(broker.Directory, "acl-extended");
        var lines = acl.ToList();
        lines.Insert(lines.FindIndex(l => l.Trim() == $"user {user}") + 1, grant);
        await File.WriteAllLinesAsync(extended, lines);
        var config = await File.ReadAllTextAsync(broker.ConfigPath);
        await File.WriteAllTextAsync(broker.ConfigPath, config.Replace(MosquittoBroker.AclPath, extended, StringComparison.Ordinal));
        await broker.ReloadAsync();
    }
}
