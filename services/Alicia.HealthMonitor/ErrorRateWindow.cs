namespace Alicia.HealthMonitor;

/// <summary>
/// Errors per minute from the cumulative error counters of successive health reports, over a sliding window.
/// The newest sample at least a window old stays as the baseline, so the rate spans about one window once
/// there is enough history, and only the reports so far before that.
/// </summary>
public sealed class ErrorRateWindow(TimeSpan window)
{
    private static readonly TimeSpan ShortestSpan = TimeSpan.FromSeconds(1);
    private readonly List<(DateTimeOffset At, long Errors)> _samples = [];

    public double PerMinute { get; private set; }

    /// <summary>
    /// Adds a report's counter. <paramref name="minimumSpan"/> (the service's health interval) keeps an extra
    /// report right after the previous one (an answered health check) from turning one error into a huge rate.
    /// </summary>
    public void Add(DateTimeOffset at, long errors, TimeSpan minimumSpan)
    {
        if (_samples.Count > 0 && errors < _samples[^1].Errors)
        {
            _samples.Clear(); // The counter went down: the service restarted, older samples say nothing about it.
        }

        _samples.Add((at, errors));
        while (_samples.Count > 1 && at - _samples[1].At >= window)
        {
            _samples.RemoveAt(0);
        }

        var baseline = _samples[0];
        var span = new[] { at - baseline.At, minimumSpan, ShortestSpan }.Max();
        PerMinute = (errors - baseline.Errors) / span.TotalMinutes;
    }
}
