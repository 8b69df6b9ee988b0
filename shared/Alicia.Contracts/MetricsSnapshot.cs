namespace Alicia.Contracts;

/// <summary>A service's bus metrics, published as JSON on <c>alicia/monitoring/metrics/{service}</c>.</summary>
public sealed record MetricsSnapshot(
    string Service,
    string Instance,
    IReadOnlyDictionary<string, long> Counters,
    IReadOnlyDictionary<string, double> Gauges,
    IReadOnlyDictionary<string, DurationSummary> HandlerDurations);
