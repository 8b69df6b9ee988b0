using System.Text.Json;
using Alicia.Bus;
using Alicia.Contracts;
using Alicia.Contracts.Platform;
using Microsoft.Extensions.Options;

namespace Alicia.HealthMonitor;

/// <summary>
/// Watches <c>alicia/system/health/#</c> (reports, last wills, checks), raises and clears alerts on
/// <c>alicia/monitoring/alerts</c>, and keeps <c>alicia/system/health/summary</c> retained and current.
/// </summary>
public sealed class HealthMonitorService(
    BusClientFactory bus, IOptions<HealthMonitorOptions> options, TimeProvider time, ILogger<HealthMonitorService> logger)
    : BusServiceWrapper(bus, ServiceNames.HealthMonitor)
{
    private static readonly JsonElement EmptyCheck = JsonElement.Parse("{}");

    private readonly HealthMonitorOptions _options = options.Value;
    private readonly HealthTracker _tracker = new(options.Value);

    // Observing and publishing happen under one gate, so alerts leave in the order they were decided
    // and a summary never goes out older than an alert before it.
    private readonly SemaphoreSlim _gate = new(1, 1);
    private DateTimeOffset _nextSummary = DateTimeOffset.MinValue;

    protected override IReadOnlyList<string> Capabilities => ["health-summary", "alerts"];

    protected override void ConfigureRoutes(BusClient bus)
    {
        ArgumentNullException.ThrowIfNull(bus);
        bus.OnEvent<JsonElement>(Topics.Health.All, OnHealthTopicAsync);
    }

    /// <summary>Asks every service for its status at once instead of waiting up to a full interval for it.</summary>
    protected override Task OnConnectedAsync(CancellationToken cancellationToken) =>
        Bus.PublishAsync(Topics.Health.Check, EmptyCheck, new PublishOptions { Priority = MessagePriority.System }, cancellationToken);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(base.ExecuteAsync(stoppingToken), WatchAsync(stoppingToken));

    public override void Dispose()
    {
        _gate.Dispose();
        base.Dispose();
    }

    private Task OnHealthTopicAsync(BusMessage<JsonElement> message, CancellationToken cancellationToken)
    {
        if (message.Topic == Topics.Health.Summary)
        {
            return Task.CompletedTask; // Our own retained summary lives under health/ too.
        }

        if (message.Topic == Topics.Health.Check)
        {
            return UnderGateAsync(() => new HealthChange([], SummaryChanged: true), cancellationToken);
        }

        var report = ReadReport(message);
        return UnderGateAsync(() => _tracker.Observe(report, time.GetUtcNow()), cancellationToken);
    }

    // Everything under health/ other than the check and our summary is a service's report: anything else is a
    // malformed message, refused through the bus (counted as rejected.invalid_payload, one rate-limited log line).
    private HealthReport ReadReport(BusMessage<JsonElement> message)
    {
        var topicService = message.Topic[(message.Topic.LastIndexOf('/') + 1)..];
        HealthReport report;
        try
        {
            report = Bus.Json.FromElement<HealthReport>(message.Payload);
        }
        catch (JsonException e)
        {
            throw new PayloadException($"not a health report: {e.Message}");
        }

        if (report.Service != topicService)
        {
            throw new PayloadException($"a health report for '{report.Service}' on {message.Topic}");
        }

        return report;
    }

    private async Task WatchAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_options.CheckInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await UnderGateAsync(() => _tracker.Sweep(time.GetUtcNow()), stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogWarning("Health sweep failed: {Error}", e.Message);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task UnderGateAsync(Func<HealthChange> decide, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var change = decide();
            foreach (var alert in change.Alerts)
            {
                LogAlert(alert);
                await Bus.PublishAsync(Topics.Monitoring.Alerts, alert,
                    new PublishOptions { AtLeastOnce = true, Priority = MessagePriority.System }, cancellationToken);
            }

            var now = time.GetUtcNow();
            if (change.SummaryChanged || now >= _nextSummary)
            {
                _nextSummary = now + _options.SummaryInterval;
                await Bus.PublishAsync(Topics.Health.Summary, _tracker.Summary(now),
                    new PublishOptions { Retain = true, Ttl = Envelope.NeverExpires, Priority = MessagePriority.System }, cancellationToken);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private void LogAlert(Alert alert)
    {
        if (alert.Active)
        {
            logger.LogWarning("Alert {Id} raised: {Message}", alert.Id, alert.Message);
        }
        else
        {
            logger.LogInformation("Alert {Id} cleared: {Message}", alert.Id, alert.Message);
        }
    }
}
