namespace Alicia.Testing;

/// <summary>Finds the mosquitto binary; Debian installs it in /usr/sbin, which a non-root PATH often lacks.</summary>
internal static class MosquittoExecutable
{
    private static readonly Lazy<string> Found = new(Find);

    public static string Path => Found.Value;

    private static string Find()
    {
        var candidates = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Concat(["/usr/sbin", "/usr/local/sbin"])
            .Select(dir => System.IO.Path.Combine(dir, "mosquitto"));
        return candidates.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("mosquitto is not installed (Debian: apt-get install mosquitto mosquitto-clients).");
    }
}
