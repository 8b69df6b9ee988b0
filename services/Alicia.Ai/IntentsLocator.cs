namespace Alicia.Ai;

/// <summary>Finds the templates directory the way the host finds config/alicia.json: here, then upwards.</summary>
public static class IntentsLocator
{
    public static string? Find(string directory)
    {
        if (string.IsNullOrWhiteSpace(directory))
        {
            return null;
        }

        if (Path.IsPathRooted(directory))
        {
            return Directory.Exists(directory) ? directory : null;
        }

        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var at = new DirectoryInfo(start); at is not null; at = at.Parent)
            {
                var candidate = Path.Combine(at.FullName, directory);
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}
