using Alicia.Contracts;

namespace Alicia.ConfigService;

/// <summary>The config service's own settings, bound from <c>Services:config-service</c>.</summary>
public sealed class ConfigServiceOptions
{
    public const string Section = $"Services:{ServiceNames.ConfigService}";

    /// <summary>
    /// Holds one <c>{service}.json</c> per configured service. A relative path is looked for from the working
    /// directory upwards (like config/alicia.json), so the service finds the checkout's folder from anywhere in it.
    /// </summary>
    public string Directory { get; set; } = "config/services";

    public string ResolvedDirectory()
    {
        if (Path.IsPathRooted(Directory))
        {
            return Directory;
        }

        for (var folder = new DirectoryInfo(System.IO.Directory.GetCurrentDirectory()); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, Directory);
            if (System.IO.Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return Path.GetFullPath(Directory);
    }
}
