using Alicia.Contracts;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Alicia.Bus;

/// <summary>
/// The base of every Alicia service. A service declares its handlers in <see cref="ConfigureRoutes"/>;
/// this class connects with the service's own credential, keeps the retained health status (the
/// broker's last will sets it offline), registers with discovery on every connect, publishes health
/// and metrics periodically, answers health checks, and unregisters on a clean shutdown.
/// </summary>
public abstract class BusServiceWrapper : BackgroundService
{
    private readonly ILogger _logger;
    private readonly TimeProvider _time;

    protected BusServiceWrapper(BusClientFactory factory, string serviceName)
    {
        ArgumentNullException.ThrowIfNull(factory);
        Bus = factory.Create(serviceName);
        _logger = factory.Loggers.CreateLogger(GetType().FullName ?? serviceName);
        _time = factory.Time;
    }

    public BusClient Bus { get; }

    /// <summary>What this service offers, for discovery's "who provides X".</summary>
    protected virtual IReadOnlyList<string> Capabilities => [];

    /// <summary>Degraded when the service works but something it needs is missing.</summary>
    protected virtual HealthState CurrentHealth => HealthState.Online;

    /// <summary>Declares the service's handlers: a list of <c>Bus.OnEvent/OnCommand/OnQuery</c> calls.</summary>
    protected abstract void ConfigureRoutes(BusClient bus);

    /// <summary>
    /// Applies this service's settings from the config service (retained on <c>alicia/system/config/{service}</c>).
    /// Services that support live changes override it; throw <see cref="CommandRejectedException"/> for invalid ones.
    /// </summary>
    protected virtual Task ApplyConfigAsync(System.Text.Json.JsonElement settings, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Runs once connected, before the periodic loop (e.g. to publish retained state).</summary>
    protected virtual Task OnConnectedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public HealthReport Health() => new(
        Bus.Service,
        Bus.Instance,
        CurrentHealth,
        BusClient.Version,
        Math.Round((_time.GetUtcNow() - Bus.StartedAt).TotalSeconds, 1),
        Bus.Metrics.Handled.Value,
        Bus.Metrics.Failed.Value + Bus.Metrics.Rejected.Value,
        Bus.Options.HealthInterval.TotalSeconds,
        Bus.QueueDepth);

    public async Task PublishHealthAsync(CancellationToken cancellationToken)
    {
        await Bus.PublishAsync(Topics.Health.Of(Bus.Service), Health(),
            new PublishOptions { Retain = true, Priority = MessagePriority.System, Ttl = Envelope.NeverExpires }, cancellationToken);
        if (Bus.Options.HealthFile is { } file && Bus.IsConnected)
        {
            await File.WriteAllTextAsync(file, _time.GetUtcNow().ToString("O", System.Globalization.CultureInfo.InvariantCulture), cancellationToken);
        }
    }

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        Bus.OnEvent<System.Text.Json.JsonElement>(Topics.Health.Check, (_, ct) => PublishHealthAsync(ct));
        Bus.OnEvent<System.Text.Json.JsonElement>(Topics.Config.Of(Bus.Service), (m, ct) => ApplyConfigAsync(m.Payload, ct));
        ConfigureRoutes(Bus);
        Bus.Connected = _ => AnnounceAsync(CancellationToken.None);
        await Bus.StartAsync(cancellationToken);
        await OnConnectedAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Min(Bus.Options.HealthInterval, Bus.Options.MetricsInterval), _time);
        var nextHealth = _time.GetUtcNow() + Bus.Options.HealthInterval;
        var nextMetrics = _time.GetUtcNow() + Bus.Options.MetricsInterval;
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                var now = _time.GetUtcNow();
                if (now >= nextHealth)
                {
                    nextHealth = now + Bus.Options.HealthInterval;
                    await Quietly(PublishHealthAsync(stoppingToken), "health");
                }

                if (now >= nextMetrics)
                {
                    nextMetrics = now + Bus.Options.MetricsInterval;
                    await Quietly(Bus.PublishAsync(Topics.Monitoring.Metrics(Bus.Service), Bus.Metrics.Snapshot(Bus.Service, Bus.Instance),
                        new PublishOptions { Priority = MessagePriority.Low }, stoppingToken), "metrics");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (Bus.IsConnected)
        {
            var offline = Health() with { Status = HealthState.Offline };
            await Quietly(Bus.PublishAsync(Topics.Discovery.Unregister, Registration([]), new PublishOptions { AtLeastOnce = true }, cancellationToken), "unregister");
            await Quietly(Bus.PublishAsync(Topics.Health.Of(Bus.Service), offline,
                new PublishOptions { Retain = true, Ttl = Envelope.NeverExpires }, cancellationToken), "offline status");
        }

        await Bus.StopAsync(cancellationToken);
    }

    public override void Dispose()
    {
        Bus.DisposeAsync().AsTask().GetAwaiter().GetResult();
        base.Dispose();
        GC.SuppressFinalize(this);
    }

    private async Task AnnounceAsync(CancellationToken cancellationToken)
    {
        await Quietly(PublishHealthAsync(cancellationToken), "health");
        await Quietly(Bus.PublishAsync(Topics.Discovery.Register, Registration(Capabilities),
            new PublishOptions { AtLeastOnce = true, Priority = MessagePriority.System }, cancellationToken), "registration");
    }

    private ServiceRegistration Registration(IReadOnlyList<string> capabilities) =>
        new(Bus.Service, Bus.Instance, BusClient.Version, capabilities, Envelope.UnixSeconds(Bus.StartedAt));

    // Housekeeping publishes must never take the service down; the outbox keeps them while disconnected.
    private async Task Quietly(Task publish, string what)
    {
        try
        {
            await publish;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _logger.LogWarning("Could not publish {What}: {Error}", what, e.Message);
        }
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
