namespace Alicia.Bench.Reporting;

/// <summary>A set of measurements and their order statistics (nearest-rank percentiles).</summary>
public sealed class Samples
{
    private readonly List<double> _values = [];
    private double[]? _sorted;

    public Samples()
    {
    }

    public Samples(IEnumerable<double> values) => _values.AddRange(values);

    public int Count => _values.Count;

    public IReadOnlyList<double> Values => _values;

    public void Add(double value)
    {
        _values.Add(value);
        _sorted = null;
    }

    public double Median => Percentile(0.5);

    public double Max => Sorted().LastOrDefault();

    /// <summary>The smallest value with at least <paramref name="quantile"/> of the samples at or below it.</summary>
    public double Percentile(double quantile)
    {
        var sorted = Sorted();
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var rank = (int)Math.Ceiling(quantile * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    private double[] Sorted() => _sorted ??= [.. _values.Order()];
}
