using Alicia.Contracts;
using Alicia.Contracts.Platform;

namespace Alicia.HealthMonitor;

/// <summary>What the monitor remembers about one service: its last report, when it came, its error rate and open alerts.</summary>
internal sealed class TrackedService(string name, HealthReport report, DateTimeOffset seen, TimeSpan errorRateWindow)
{
    public string Name { get; } = name;

    public HealthReport Report { get; set; } = report;

    public DateTimeOffset LastSeen { get; set; } = seen;

    public ErrorRateWindow ErrorRate { get; } = new(errorRateWindow);

    public Dictionary<AlertKind, Alert> ActiveAlerts { get; } = [];

    /// <summary>The interval the service promised to report at; a report without one counts as the bus default.</summary>
    public TimeSpan Interval => Report.IntervalSeconds > 0 ? TimeSpan.FromSeconds(Report.IntervalSeconds) : TimeSpan.FromSeconds(10);

    public ServiceStatus ToStatus() => new(
        Name,
        Report.Instance,
        Report.Status,
        Report.Version,
        Envelope.UnixSeconds(LastSeen),
        Report.UptimeSeconds,
        Report.MessagesProcessed,
        Report.Errors,
        Report.IntervalSeconds,
        Math.Round(ErrorRate.PerMinute, 2),
        [.. ActiveAlerts.Keys.Order()]);
}
