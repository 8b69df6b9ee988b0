using System.Diagnostics;
using Alicia.Bench.Reporting;

namespace Alicia.Bench.Infrastructure;

/// <summary>Runs an asynchronous operation many times, sequentially or with several in flight, and keeps each latency in ms.</summary>
public static class LatencyRecorder
{
    /// <summary>
    /// <paramref name="total"/> calls spread over <paramref name="inFlight"/> loops that each wait for
    /// their call before the next. Returns the latencies and the overall rate (calls per second).
    /// </summary>
    public static async Task<(Samples LatenciesMs, double Rate)> RunAsync(Func<CancellationToken, Task> call, int total, int inFlight, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        var perLoop = Math.Max(1, total / inFlight);
        var latencies = new double[perLoop * inFlight];
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, inFlight).Select(loop => Task.Run(async () =>
        {
            for (var i = 0; i < perLoop; i++)
            {
                var begin = Stopwatch.GetTimestamp();
                await call(cancellationToken);
                latencies[(loop * perLoop) + i] = Stopwatch.GetElapsedTime(begin).TotalMilliseconds;
            }
        }, cancellationToken)));
        var elapsed = Stopwatch.GetElapsedTime(started);
        return (new Samples(latencies), latencies.Length / elapsed.TotalSeconds);
    }
}
