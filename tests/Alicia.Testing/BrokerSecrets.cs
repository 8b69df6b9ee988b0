namespace Alicia.Testing;

/// <summary>
/// Secrets made by deploy/secrets.sh, generated once per test process (openssl is the slow part)
/// and copied for every broker, so a test that rotates a password changes only its own copy.
/// </summary>
internal static class BrokerSecrets
{
    private static readonly Lazy<Task<string>> Generated = new(GenerateAsync);

    public static async Task CopyToAsync(string destination, CancellationToken ct)
    {
        var source = await Generated.Value.WaitAsync(ct).ConfigureAwait(false);
        // cp -a keeps modes and the broker group that secrets.sh set (a root-started mosquitto reads as its own user).
        await Shell.RunCheckedAsync("cp", ["-a", source, destination], ct).ConfigureAwait(false);
    }

    private static async Task<string> GenerateAsync()
    {
        var directory = Path.Combine(ScratchDirectories.Create("alicia-secrets-"), "secrets");
        await Shell.RunCheckedAsync("bash", [Repository.File("deploy", "secrets.sh"), directory]).ConfigureAwait(false);
        return directory;
    }
}
