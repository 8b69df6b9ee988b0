using Alicia.Contracts.Platform;

namespace Alicia.HealthMonitor;

/// <summary>What one observation changed: alerts raised or cleared, and whether the summary now reads differently.</summary>
public sealed record HealthChange(IReadOnlyList<Alert> Alerts, bool SummaryChanged)
{
    public static readonly HealthChange None = new([], false);
}
