namespace Alicia.Bench.Infrastructure;

/// <summary>
/// One timed run: how many deliveries were expected, how many came, how long they took, and the CPU
/// seconds the clients and the broker spent on them.
/// </summary>
public sealed record RoundResult(long Expected, long Delivered, TimeSpan Elapsed, double ClientCpuSeconds = 0, double BrokerCpuSeconds = 0)
{
    public double Rate => Elapsed > TimeSpan.Zero ? Delivered / Elapsed.TotalSeconds : 0;

    public long Lost => Expected - Delivered;

    /// <summary>Client CPU per delivered message, microseconds.</summary>
    public double ClientMicrosecondsPerMessage => Delivered > 0 ? ClientCpuSeconds * 1e6 / Delivered : double.NaN;

    public double BrokerMicrosecondsPerMessage => Delivered > 0 ? BrokerCpuSeconds * 1e6 / Delivered : double.NaN;
}
