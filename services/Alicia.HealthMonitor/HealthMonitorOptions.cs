using Alicia.Contracts;

namespace Alicia.HealthMonitor;

/// <summary>The health monitor's own settings, bound from <c>Services:health-monitor</c>.</summary>
public sealed class HealthMonitorOptions
{
    public const string Section = $"Services:{ServiceNames.HealthMonitor}";

    /// <summary>A service is silent once no report came for this many of its own health intervals.</summary>
    public double SilentAfterIntervals { get; set; } = 1.5;

    /// <summary>An error_rate alert is raised above this many errors per minute.</summary>
    public double ErrorsPerMinuteThreshold { get; set; } = 10;

    /// <summary>How far back the error rate looks.</summary>
    public TimeSpan ErrorRateWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often silence is checked; it bounds how late a silent alert can be.</summary>
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The summary is republished at least this often, so counters stay fresh between changes.</summary>
    public TimeSpan SummaryInterval { get; set; } = TimeSpan.FromSeconds(10);
}
