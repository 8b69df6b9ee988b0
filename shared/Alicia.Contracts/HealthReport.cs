namespace Alicia.Contracts;

/// <summary>
/// Retained on <c>alicia/system/health/{service}</c>: published on connect and every interval,
/// and set to <see cref="HealthState.Offline"/> by the broker through the service's last will.
/// </summary>
public sealed record HealthReport(
    string Service,
    string Instance,
    HealthState Status,
    string Version,
    double UptimeSeconds,
    long MessagesProcessed,
    long Errors,
    double IntervalSeconds,
    int QueueDepth = 0);
