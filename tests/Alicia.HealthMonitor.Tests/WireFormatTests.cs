using System.Text.Json;
using Alicia.Contracts;
using Alicia.Contracts.Platform;

namespace Alicia.HealthMonitor.Tests;

/// <summary>The alert and summary JSON the dashboard, the CLI and users' scripts read.</summary>
public sealed class WireFormatTests
{
    [Fact]
    public void An_alert_is_snake_case_with_lower_case_kind_and_severity()
    {
        var alert = new Alert("tts-error_rate-1", "tts", AlertKind.ErrorRate, AlertSeverity.Warning, "too many", 1732390000.5, false, 1732390060.25);

        using var json = JsonDocument.Parse(JsonSerializer.Serialize(alert, ContractsJson.Default.Alert));

        Assert.Equal(["active", "cleared_at", "id", "kind", "message", "raised_at", "service", "severity"],
            json.RootElement.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal("error_rate", json.RootElement.GetProperty("kind").GetString());
        Assert.Equal("warning", json.RootElement.GetProperty("severity").GetString());
        Assert.Equal(1732390060.25, json.RootElement.GetProperty("cleared_at").GetDouble());
    }

    [Fact]
    public void A_summary_round_trips_with_per_service_alert_kinds()
    {
        var status = new ServiceStatus("stt", "main", HealthState.Degraded, "0.1.0", 10, 5, 3, 1, 10, 0.5, [AlertKind.Silent]);
        var summary = new HealthSummary(11, [status], []);

        var text = JsonSerializer.Serialize(summary, ContractsJson.Default.HealthSummary);
        var back = JsonSerializer.Deserialize(text, ContractsJson.Default.HealthSummary)!;

        Assert.Contains("\"active_alerts\":[\"silent\"]", text, StringComparison.Ordinal);
        Assert.Contains("\"status\":\"degraded\"", text, StringComparison.Ordinal);
        Assert.Equal(status with { ActiveAlerts = back.Services[0].ActiveAlerts }, back.Services[0]);
        Assert.Equal([AlertKind.Silent], back.Services[0].ActiveAlerts);
    }
}
