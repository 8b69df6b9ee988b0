using Alicia.Bus;
using Microsoft.Extensions.Configuration;

namespace Alicia.Cli;

/// <summary>
/// Where the running system is: the same <c>config/alicia.json</c> and <c>ALICIA_*</c> variables the services
/// read (so <c>./alicia up</c> on other ports just works), overridden by <c>--host</c>, <c>--port</c>, <c>--secrets</c>.
/// </summary>
public sealed record CliSettings(string Host, int Port, string SecretsDirectory, TimeSpan ConnectTimeout)
{
    public static CliSettings Load(CliArguments arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var builder = new ConfigurationBuilder();
        var file = Environment.GetEnvironmentVariable("ALICIA_CONFIG") ?? FindUpwards(Path.Combine("config", "alicia.json"));
        if (file is not null)
        {
            builder.AddJsonFile(Path.GetFullPath(file), optional: true);
        }

        var bus = new BusOptions();
        builder.AddEnvironmentVariables("ALICIA_").Build().GetSection(BusOptions.Section).Bind(bus);
        var port = arguments.Option("--port") is { } p
            ? int.TryParse(p, out var parsed) ? parsed : throw CliException.Usage($"--port expects a number, not '{p}'")
            : bus.Port;
        return new CliSettings(
            arguments.Option("--host") ?? bus.Host,
            port,
            arguments.Option("--secrets") ?? bus.SecretsDirectory,
            TimeSpan.FromSeconds(arguments.Number("--connect-timeout", 3)));
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
