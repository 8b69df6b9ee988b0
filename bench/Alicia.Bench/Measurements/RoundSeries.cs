using Alicia.Bench.Infrastructure;
using Alicia.Bench.Reporting;

namespace Alicia.Bench.Measurements;

/// <summary>The rates and CPU costs of several timed rounds, and everything they lost.</summary>
public sealed class RoundSeries
{
    public Samples Rates { get; } = new();

    /// <summary>Client CPU microseconds per message, per round.</summary>
    public Samples ClientCpu { get; } = new();

    /// <summary>Broker CPU microseconds per message, per round.</summary>
    public Samples BrokerCpu { get; } = new();

    public long Lost { get; private set; }

    public void Add(RoundResult round)
    {
        ArgumentNullException.ThrowIfNull(round);
        Rates.Add(round.Rate);
        ClientCpu.Add(round.ClientMicrosecondsPerMessage);
        BrokerCpu.Add(round.BrokerMicrosecondsPerMessage);
        Lost += round.Lost;
    }
}
