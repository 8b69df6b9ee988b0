using Alicia.Bus;
using Alicia.Contracts;
using Microsoft.Extensions.Logging.Abstractions;

namespace Alicia.Cli;

/// <summary>The CLI's own bus connection, as the <c>cli</c> broker user with its ACL.</summary>
public static class CliBus
{
    public static async Task<BusClient> ConnectAsync(CliContext context, Action<BusClient>? routes = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var settings = context.Settings;
        var options = new BusOptions
        {
            ServiceName = ServiceNames.Cli,
            // Several CLI invocations may run at once: each gets its own client id and a session that ends with it.
            Instance = $"p{Environment.ProcessId}",
            Host = settings.Host,
            Port = settings.Port,
            SecretsDirectory = settings.SecretsDirectory,
            SessionExpiry = TimeSpan.FromSeconds(1),
            DispatchConcurrency = 1,
        };
        if (!File.Exists(options.PasswordFile))
        {
            throw new CliException($"no broker credential at {options.PasswordFile}: start the system with ./alicia up (or run ./alicia secrets)");
        }

        var bus = new BusClient(options, new BusJson([]), NullLoggerFactory.Instance, TimeProvider.System);
        routes?.Invoke(bus);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(settings.ConnectTimeout);
        try
        {
            await bus.StartAsync(timeout.Token);
            return bus;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            await bus.DisposeAsync();
            throw new CliException($"cannot reach the broker at {settings.Host}:{settings.Port} as '{ServiceNames.Cli}' within {settings.ConnectTimeout.TotalSeconds:0} s: is Alicia running? (./alicia up)");
        }
    }
}
