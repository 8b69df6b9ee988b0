namespace Alicia.Bench.Reporting;

/// <summary>
/// One measured number: its median (and 99th percentile where it is a distribution), and where the
/// same run measured a baseline, that baseline and the ratio between them. The machine is shared
/// and noisy, so the ratio is the figure to compare between runs, not the absolute value.
/// </summary>
public sealed record Figure(string Id, string Title, string Unit, double Median, double? P99, int Count)
{
    /// <summary>What the baseline is (measured in the same run unless it says "reported").</summary>
    public string? Baseline { get; init; }

    public double? BaselineMedian { get; init; }

    /// <summary>Median / baseline median.</summary>
    public double? Ratio => BaselineMedian is > 0 ? Median / BaselineMedian : null;

    public IReadOnlyList<TargetCheck> Targets { get; init; } = [];

    /// <summary>Anything a reader needs to judge the number (losses, sizes, conditions).</summary>
    public string? Note { get; init; }

    public bool? TargetsMet => Targets.Count == 0 ? null : Targets.All(t => t.Met);

    public static Figure Of(string id, string title, string unit, Samples samples, bool withP99 = true) =>
        new(id, title, unit, samples.Median, withP99 ? samples.Percentile(0.99) : null, samples.Count);
}
