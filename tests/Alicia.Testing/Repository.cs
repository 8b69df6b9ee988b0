namespace Alicia.Testing;

/// <summary>Locates the checkout so tests can use its scripts and configuration files.</summary>
public static class Repository
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    /// <summary>The folder holding Alicia.sln.</summary>
    public static string Root => RootPath.Value;

    /// <summary>A path inside the checkout, e.g. <c>Repository.File("mosquitto", "acl")</c>.</summary>
    public static string File(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        // Test binaries live under <repo>/tests/X/bin/..., so walking up from them finds the checkout.
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (System.IO.File.Exists(Path.Combine(dir.FullName, "Alicia.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Alicia.sln above {AppContext.BaseDirectory}.");
    }
}
