namespace Alicia.Bench.Infrastructure;

/// <summary>One timed run: how many deliveries were expected, how many came, and how long they took.</summary>
public sealed record RoundResult(long Expected, long Delivered, TimeSpan Elapsed)
{
    public double Rate => Elapsed > TimeSpan.Zero ? Delivered / Elapsed.TotalSeconds : 0;

    public long Lost => Expected - Delivered;
}
