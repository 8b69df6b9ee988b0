using System.Text.Json;
using Alicia.Bus;
using Alicia.Contracts;
using Alicia.Contracts.Platform;
using Microsoft.Extensions.Options;

namespace Alicia.Discovery;

/// <summary>
/// Keeps the directory of running services from <c>alicia/system/discovery/{register,unregister}</c> and the
/// health topics (last wills), publishes it retained on <c>alicia/system/discovery/directory</c>, and answers
/// "who provides X" on <c>alicia/system/discovery/query</c>.
/// </summary>
public sealed class DiscoveryService(
    BusClientFactory bus, IOptions<DiscoveryOptions> options, TimeProvider time, ILogger<DiscoveryService> logger)
    : BusServiceWrapper(bus, ServiceNames.Discovery)
{
    private readonly ServiceCatalog _catalog = new();
    private readonly TimeSpan _retention = options.Value.ForgetOfflineAfter;

    // Changes and their publication happen under one gate, so a retained directory is never replaced by an older one.
    private readonly SemaphoreSlim _gate = new(1, 1);

    protected override IReadOnlyList<string> Capabilities => ["service-directory"];

    protected override void ConfigureRoutes(BusClient bus)
    {
        ArgumentNullException.ThrowIfNull(bus);
        bus.OnEvent<ServiceRegistration>(Topics.Discovery.Register, (m, ct) =>
            FromItself(m) ? ChangeAsync(() => _catalog.Register(m.Payload, time.GetUtcNow()), ct) : Task.CompletedTask);
        bus.OnEvent<ServiceRegistration>(Topics.Discovery.Unregister, (m, ct) =>
            FromItself(m) ? ChangeAsync(() => _catalog.Unregister(m.Payload.Service, m.Payload.Instance), ct) : Task.CompletedTask);
        bus.OnEvent<JsonElement>(Topics.Health.AnyService, OnHealthAsync);
        bus.OnQuery<CapabilityQuery, ServiceDirectory>(Topics.Discovery.Query, (m, _) =>
            Task.FromResult(_catalog.Find(m.Payload, time.GetUtcNow())));
    }

    /// <summary>Replaces the previous run's retained directory at once; retained health fills it in right after.</summary>
    protected override Task OnConnectedAsync(CancellationToken cancellationToken) => ChangeAsync(() => true, cancellationToken);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(base.ExecuteAsync(stoppingToken), ForgetDeadInstancesAsync(stoppingToken));

    public override void Dispose()
    {
        _gate.Dispose();
        base.Dispose();
    }

    // Any service may write the registration topics, so a registration must at least come from the service it names.
    private bool FromItself(BusMessage<ServiceRegistration> message)
    {
        if (message.Envelope.Source == message.Payload.Service && message.Payload.Instance.Length > 0)
        {
            return true;
        }

        logger.LogWarning("Ignoring a registration for {Service} sent by {Source}", message.Payload.Service, message.Envelope.Source);
        return false;
    }

    private Task OnHealthAsync(BusMessage<JsonElement> message, CancellationToken cancellationToken)
    {
        // health/+ also carries the monitor's summary and health checks: only a service's own report counts.
        if (!message.Topic.EndsWith("/" + message.Envelope.Source, StringComparison.Ordinal))
        {
            return Task.CompletedTask;
        }

        // A service's message on its own health topic that is not its report is malformed: refused through the
        // bus (counted as rejected.invalid_payload, one rate-limited log line), not silently dropped.
        HealthReport report;
        try
        {
            report = message.Payload.ValueKind == JsonValueKind.Object
                ? Bus.Json.FromElement<HealthReport>(message.Payload)
                : throw new JsonException($"the payload is a JSON {message.Payload.ValueKind}, not an object");
        }
        catch (JsonException e)
        {
            throw new PayloadException($"not a health report: {e.Message}");
        }

        return report.Service == message.Envelope.Source
            ? ChangeAsync(() => _catalog.ObserveHealth(report, time.GetUtcNow()), cancellationToken)
            : throw new PayloadException($"a health report for '{report.Service}' sent by {message.Envelope.Source}");
    }

    private async Task ForgetDeadInstancesAsync(CancellationToken stoppingToken)
    {
        // Checking a few times per retention period keeps the overshoot a small fraction of it.
        var period = TimeSpan.FromTicks(Math.Min(_retention.Ticks / 4, TimeSpan.FromMinutes(1).Ticks));
        using var timer = new PeriodicTimer(period, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await ChangeAsync(() => _catalog.ForgetOffline(time.GetUtcNow(), _retention), stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogWarning("Could not publish the directory: {Error}", e.Message);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task ChangeAsync(Func<bool> change, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (change())
            {
                var directory = _catalog.Directory(time.GetUtcNow());
                logger.LogInformation("Directory: {Services}", string.Join(", ", directory.Services.Select(e => $"{e.Service}/{e.Instance} {e.Status}")));
                await Bus.PublishAsync(Topics.Discovery.Directory, directory,
                    new PublishOptions { Retain = true, Ttl = Envelope.NeverExpires, Priority = MessagePriority.System }, cancellationToken);
            }
        }
        finally
        {
            _gate.Release();
        }
    }
}
