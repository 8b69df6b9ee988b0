namespace Alicia.Contracts.Platform;

/// <summary>
/// One service as the health monitor sees it: its last health report, when it arrived
/// (<see cref="LastSeen"/>, Unix seconds), its recent error rate and the kinds of its active alerts.
/// </summary>
public sealed record ServiceStatus(
    string Service,
    string Instance,
    HealthState Status,
    string Version,
    double LastSeen,
    double UptimeSeconds,
    long MessagesProcessed,
    long Errors,
    double IntervalSeconds,
    double ErrorsPerMinute,
    IReadOnlyList<AlertKind> ActiveAlerts);
