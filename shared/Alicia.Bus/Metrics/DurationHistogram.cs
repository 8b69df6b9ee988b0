using Alicia.Contracts;

namespace Alicia.Bus.Metrics;

/// <summary>
/// Durations counted in fixed, roughly logarithmic buckets (lock-free), so percentiles cost nothing
/// on the hot path and stay accurate to one bucket width.
/// </summary>
public sealed class DurationHistogram
{
    /// <summary>Upper bounds in milliseconds (Prometheus "le" labels).</summary>
    public static readonly double[] BoundsMs =
        [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000];

    private readonly long[] _buckets = new long[BoundsMs.Length + 1];
    private long _count;
    private long _sumMicros;
    private long _maxMicros;

    public long Count => Interlocked.Read(ref _count);

    public double SumMs => Interlocked.Read(ref _sumMicros) / 1000.0;

    public void Record(TimeSpan duration)
    {
        var ms = duration.TotalMilliseconds;
        var bucket = Array.BinarySearch(BoundsMs, ms);
        Interlocked.Increment(ref _buckets[bucket < 0 ? ~bucket : bucket]);
        Interlocked.Increment(ref _count);
        var micros = (long)(ms * 1000);
        Interlocked.Add(ref _sumMicros, micros);
        long max;
        while (micros > (max = Interlocked.Read(ref _maxMicros)) &&
               Interlocked.CompareExchange(ref _maxMicros, micros, max) != max)
        {
        }
    }

    /// <summary>Cumulative counts per bound, the last being +Inf.</summary>
    public long[] CumulativeCounts()
    {
        var result = new long[_buckets.Length];
        long running = 0;
        for (var i = 0; i < _buckets.Length; i++)
        {
            running += Interlocked.Read(ref _buckets[i]);
            result[i] = running;
        }

        return result;
    }

    public DurationSummary Summarize()
    {
        var count = Count;
        var max = Interlocked.Read(ref _maxMicros) / 1000.0;
        return new DurationSummary(
            count,
            count == 0 ? 0 : SumMs / count,
            Percentile(0.50, max),
            Percentile(0.99, max),
            max);
    }

    private double Percentile(double quantile, double max)
    {
        var cumulative = CumulativeCounts();
        var total = cumulative[^1];
        if (total == 0)
        {
            return 0;
        }

        var rank = (long)Math.Ceiling(quantile * total);
        var index = Array.FindIndex(cumulative, c => c >= rank);
        return index < BoundsMs.Length ? Math.Min(BoundsMs[index], max) : max;
    }
}
