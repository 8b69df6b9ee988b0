namespace Alicia.Contracts.Platform;

/// <summary>
/// Retained on <c>alicia/system/health/summary</c> by the health monitor, on every change and periodically:
/// every service it has heard of, sorted by name, and every active alert.
/// </summary>
public sealed record HealthSummary(
    double GeneratedAt,
    IReadOnlyList<ServiceStatus> Services,
    IReadOnlyList<Alert> ActiveAlerts);
