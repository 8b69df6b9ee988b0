using Alicia.Bench.Infrastructure;
using Alicia.Bench.Reporting;

namespace Alicia.Bench.Measurements;

/// <summary>
/// Item 2: one publisher, ten subscribing services (ten "stt" instances with distinct
/// Bus:Instance, each its own connection), QoS 0; the rate counts deliveries (messages x 10).
/// </summary>
public sealed class FanOut : IMeasurement
{
    private const int Subscribers = 10;

    public string Group => "bus";

    public string Name => "fan-out to 10 services";

    public async Task<IReadOnlyList<Figure>> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var broker = await context.BrokerAsync(cancellationToken);
        await using var rig = await BroadcastRig.StartAsync(broker, Subscribers, qos: 0, cancellationToken);
        var (bus, c) = await ThroughputRounds.RunAsync(context, rig, context.Size.FanOutMessages, cancellationToken);
        return
        [
            Figure.Of("bus.fanout10", $"1 -> {Subscribers} BusClients, QoS 0, deliveries", "msg/s", bus.Rates, withP99: false) with
            {
                Baseline = $"mosquitto_pub -l -> {Subscribers} mosquitto_sub",
                BaselineMedian = c.Rates.Median,
                Note = ThroughputRounds.Describe(context.Size.FanOutMessages, rig, bus, c),
            },
        ];
    }
}
