using Alicia.Bench.Infrastructure;
using Alicia.Bench.Reporting;

namespace Alicia.Bench.Measurements;

/// <summary>The rates of several timed rounds, and everything they lost.</summary>
public sealed class RoundSeries
{
    public Samples Rates { get; } = new();

    public long Lost { get; private set; }

    public void Add(RoundResult round)
    {
        ArgumentNullException.ThrowIfNull(round);
        Rates.Add(round.Rate);
        Lost += round.Lost;
    }
}
