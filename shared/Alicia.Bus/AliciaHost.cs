using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Alicia.Bus;

public static class AliciaHost
{
    /// <summary>
    /// What every Alicia process needs before its services: <c>config/alicia.json</c> (or the file named by
    /// ALICIA_CONFIG), <c>ALICIA_*</c> environment variables over it, and Serilog.
    /// </summary>
    public static IHostApplicationBuilder AddAliciaHost(this IHostApplicationBuilder builder, string name)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var file = Environment.GetEnvironmentVariable("ALICIA_CONFIG") ?? FindUpwards(Path.Combine("config", "alicia.json"));
        if (file is not null)
        {
            builder.Configuration.AddJsonFile(Path.GetFullPath(file), optional: false, reloadOnChange: false);
        }

        builder.Configuration.AddEnvironmentVariables("ALICIA_");
        return builder.AddAliciaLogging(name);
    }

    private static string? FindUpwards(string relative)
    {
        for (var directory = new DirectoryInfo(Directory.GetCurrentDirectory()); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, relative);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
