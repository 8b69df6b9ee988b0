namespace Alicia.Contracts;

/// <summary>A histogram of durations reduced to what a person reads: count and percentiles in milliseconds.</summary>
public sealed record DurationSummary(long Count, double MeanMs, double P50Ms, double P99Ms, double MaxMs);
