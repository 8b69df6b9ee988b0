using System.Diagnostics;
using System.Text.Json;
using Alicia.Contracts;
using Alicia.Bus;
using Alicia.Contracts.Platform;
using Alicia.ServiceTesting;
using Alicia.Testing;
using Microsoft.Extensions.DependencyInjection;
using MQTTnet;
using MQTTnet.Protocol;
using Xunit.Abstractions;

namespace Alicia.HealthMonitor.Tests;

/// <summary>The health monitor against a real mosquitto, with services that die, hang, go quiet and come back.</summary>
public sealed class HealthMonitorTests(BrokerFixture fixture, ITestOutputHelper output) : IClassFixture<BrokerFixture>
{
    // A closed socket (a killed process) is noticed by the broker at once.
    private static readonly TimeSpan ClosedSocketBound = TimeSpan.FromSeconds(2);

    // A hung client is dropped after 1.5 keep-alives of silence, but mosquitto 2.0 sweeps for those only about
    // every 5-6 s (whole seconds), so its last will can come up to ~7 s after that.
    private static readonly TimeSpan HungClientBound = ServiceHosts.KeepAlive * 1.5 + TimeSpan.FromSeconds(7);
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private static readonly Dictionary<string, string?> MonitorSettings = new()
    {
        ["Services:health-monitor:CheckInterval"] = "00:00:00.100",
        ["Services:health-monitor:SummaryInterval"] = "00:00:30",
    };

    [Fact]
    public async Task A_killed_service_is_offline_and_alerted_at_once_and_the_alert_clears_when_it_returns()
    {
        var broker = fixture.Broker;
        await using var recorder = await MessageRecorder.StartAsync(broker, "cli", [Topics.Monitoring.Alerts, Topics.Health.Summary]);
        await using var monitor = await ServiceHosts.StartAsync(broker, b => b.AddHealthMonitor(), MonitorSettings);
        await using var tts = await WillClient.StartAsync(broker, "tts", Will("tts"));
        await PublishHealthAsync(broker, Report("tts", HealthState.Online));
        await recorder.WaitForAsync(m => Summary(m, s => StatusOf(s, "tts") == HealthState.Online), Wait);

        var clock = Stopwatch.StartNew();
        await tts.KillAsync();
        var raised = Alert(await recorder.WaitForAsync(m => Alert(m, a => a is { Service: "tts", Kind: AlertKind.Offline, Active: true }), ClosedSocketBound));
        output.WriteLine($"kill -9 -> offline alert: {clock.ElapsedMilliseconds} ms");

        Assert.Equal(AlertSeverity.Critical, raised.Severity);
        Assert.Contains("offline", raised.Message, StringComparison.Ordinal);
        await recorder.WaitForAsync(m => Summary(m, s =>
            StatusOf(s, "tts") == HealthState.Offline && s.ActiveAlerts.Any(a => a.Id == raised.Id)), Wait);

        await using var back = await ServiceHosts.StartProbeAsync(broker, "tts");
        var cleared = Alert(await recorder.WaitForAsync(m => Alert(m, a => a.Id == raised.Id && !a.Active), Wait));
        Assert.NotNull(cleared.ClearedAt);
        Assert.True(cleared.ClearedAt >= raised.RaisedAt);
        await recorder.WaitForAsync(m => Summary(m, s =>
            StatusOf(s, "tts") == HealthState.Online && s.ActiveAlerts.All(a => a.Service != "tts")), Wait);
    }

    [Fact]
    public async Task A_real_service_that_hangs_goes_silent_then_offline_by_its_last_will_and_recovers_when_it_resumes()
    {
        var broker = fixture.Broker;
        await using var recorder = await MessageRecorder.StartAsync(broker, "cli", [Topics.Monitoring.Alerts, Topics.Health.Summary]);
        await using var monitor = await ServiceHosts.StartAsync(broker, b => b.AddHealthMonitor(), MonitorSettings);
        await using var proxy = new FreezableProxy(broker.Host, broker.MqttPort);
        await using var router = await ServiceHosts.StartAsync(broker, b =>
        {
            b.Services.AddSingleton(new ProbeIdentity("voice-router", []));
            b.AddBusService<ProbeService>("voice-router");
        }, new Dictionary<string, string?> { ["Bus:Port"] = proxy.Port.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        await recorder.WaitForAsync(m => Summary(m, s => StatusOf(s, "voice-router") == HealthState.Online), Wait);

        var clock = Stopwatch.StartNew();
        proxy.Freeze();
        var silent = Alert(await recorder.WaitForAsync(m => Alert(m, a => a is { Service: "voice-router", Kind: AlertKind.Silent, Active: true }), Wait));
        var silentAfter = clock.ElapsedMilliseconds;
        var offline = Alert(await recorder.WaitForAsync(m => Alert(m, a => a is { Service: "voice-router", Kind: AlertKind.Offline, Active: true }),
            HungClientBound));
        output.WriteLine($"hung service (health every {ServiceHosts.HealthInterval.TotalSeconds} s, keep-alive {ServiceHosts.KeepAlive.TotalSeconds} s): " +
            $"silent alert after {silentAfter} ms, last-will offline alert after {clock.ElapsedMilliseconds} ms");

        Assert.Contains(recorder.Messages, m => Alert(m, a => a.Id == silent.Id && !a.Active)); // offline supersedes silent
        proxy.Thaw();
        await recorder.WaitForAsync(m => Alert(m, a => a.Id == offline.Id && !a.Active), Wait);
        await recorder.WaitForAsync(m => Summary(m, s =>
            StatusOf(s, "voice-router") == HealthState.Online && s.ActiveAlerts.All(a => a.Service != "voice-router")), Wait);
    }

    [Fact]
    public async Task A_service_that_stops_reporting_is_alerted_as_silent_and_cleared_when_it_reports_again()
    {
        var broker = fixture.Broker;
        await using var recorder = await MessageRecorder.StartAsync(broker, "cli", [Topics.Monitoring.Alerts, Topics.Health.Summary]);
        await using var monitor = await ServiceHosts.StartAsync(broker, b => b.AddHealthMonitor(), MonitorSettings);

        var clock = Stopwatch.StartNew();
        await PublishHealthAsync(broker, Report("ai", HealthState.Online, intervalSeconds: 1));
        var raised = Alert(await recorder.WaitForAsync(m => Alert(m, a => a is { Service: "ai", Kind: AlertKind.Silent, Active: true }), Wait));
        output.WriteLine($"last report (interval 1 s) -> silent alert: {clock.ElapsedMilliseconds} ms");

        Assert.Equal(AlertSeverity.Warning, raised.Severity);
        await recorder.WaitForAsync(m => Summary(m, s => s.Services.FirstOrDefault(x => x.Service == "ai")?.ActiveAlerts.Contains(AlertKind.Silent) == true), Wait);
        await PublishHealthAsync(broker, Report("ai", HealthState.Online, intervalSeconds: 30));
        var cleared = Alert(await recorder.WaitForAsync(m => Alert(m, a => a.Id == raised.Id && !a.Active), Wait));
        Assert.Contains("reports again", cleared.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_health_check_republishes_the_summary_and_foreign_payloads_under_health_are_ignored()
    {
        var broker = fixture.Broker;
        await using var recorder = await MessageRecorder.StartAsync(broker, "cli", [Topics.Health.Summary]);
        await using var monitor = await ServiceHosts.StartAsync(broker, b => b.AddHealthMonitor(), MonitorSettings);
        await recorder.WaitForAsync(m => Summary(m, s => StatusOf(s, "health-monitor") == HealthState.Online), Wait);

        await PublishAsync(broker, "device-registry", Topics.Health.Of("device-registry"),
            Wire.EnvelopeBytes("device-registry", JsonElement.Parse("""{"hello":"not a report"}"""), ContractsJson.Default.JsonElement));
        await PublishAsync(broker, "device-registry", Topics.Health.Of("device-registry"), "not json at all"u8.ToArray());
        var before = recorder.Messages.Count;
        await PublishAsync(broker, "cli", Topics.Health.Check,
            Wire.EnvelopeBytes("cli", JsonElement.Parse("{}"), ContractsJson.Default.JsonElement, ttl: 30), retain: false);

        await Eventually.HoldsAsync(() => recorder.Messages.Skip(before).Any(m => Summary(m, _ => true)), Wait, "a summary after the check");
        var summary = Wire.PayloadOf(recorder.Messages.Skip(before).Last(m => Summary(m, _ => true)), ContractsJson.Default.HealthSummary);
        Assert.DoesNotContain(summary.Services, s => s.Service == "device-registry");
        Assert.Equal(HealthState.Online, StatusOf(summary, "health-monitor"));
    }

    private static HealthReport Report(string service, HealthState status, double intervalSeconds = 30) =>
        new(service, "main", status, "0.1.0", 12.5, 7, 0, intervalSeconds);

    /// <summary>The envelope BusServiceWrapper registers as its will: retained offline status.</summary>
    private static byte[] Will(string service) =>
        Wire.EnvelopeBytes(service, Report(service, HealthState.Offline) with { UptimeSeconds = 0, MessagesProcessed = 0 }, ContractsJson.Default.HealthReport);

    private static Task PublishHealthAsync(MosquittoBroker broker, HealthReport report) =>
        PublishAsync(broker, report.Service, Topics.Health.Of(report.Service),
            Wire.EnvelopeBytes(report.Service, report, ContractsJson.Default.HealthReport));

    /// <summary>Publishes as <paramref name="user"/> from a client of its own, and makes sure the broker took it.</summary>
    private static async Task PublishAsync(MosquittoBroker broker, string user, string topic, byte[] payload, bool retain = true)
    {
        using var client = await TestMqtt.ConnectAsync(broker, user);
        var result = await client.PublishAsync(new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(payload)
            .WithRetainFlag(retain)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build());
        Assert.True(result.IsSuccess, $"{user} may not publish on {topic}: {result.ReasonCode}");
        await client.DisconnectAsync();
    }

    // Retained copies delivered on subscribe are from earlier tests; only live messages count.
    private static bool Summary(ReceivedMessage message, Func<HealthSummary, bool> match) =>
        message.Topic == Topics.Health.Summary && !message.Retain && match(Wire.PayloadOf(message, ContractsJson.Default.HealthSummary));

    private static bool Alert(ReceivedMessage message, Func<Alert, bool> match) =>
        message.Topic == Topics.Monitoring.Alerts && match(Alert(message));

    private static Alert Alert(ReceivedMessage message) => Wire.PayloadOf(message, ContractsJson.Default.Alert);

    private static HealthState? StatusOf(HealthSummary summary, string service) =>
        summary.Services.FirstOrDefault(s => s.Service == service)?.Status;
}
