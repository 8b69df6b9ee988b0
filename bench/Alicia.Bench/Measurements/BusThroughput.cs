using Alicia.Bench.Infrastructure;
using Alicia.Bench.Reporting;

namespace Alicia.Bench.Measurements;

/// <summary>
/// Item 1: ~256-byte events from one BusClient to another through mosquitto at QoS 0 and QoS 1,
/// against mosquitto_pub -l to mosquitto_sub in the same run (this broker's practical limit here).
/// Rounds alternate between the two so drift in the machine's load hits both alike.
/// </summary>
public sealed class BusThroughput : IMeasurement
{
    public string Group => "bus";

    public string Name => "bus throughput vs mosquitto_pub/sub";

    public async Task<IReadOnlyList<Figure>> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var broker = await context.BrokerAsync(cancellationToken);
        var size = context.Size;
        var figures = new List<Figure>();
        foreach (var (qos, target) in new[] { (0, 0.70), (1, 0.40) })
        {
            await using var rig = await BroadcastRig.StartAsync(broker, subscribers: 1, qos, cancellationToken);
            var (bus, c) = await ThroughputRounds.RunAsync(context, rig, size.ThroughputMessages, cancellationToken);
            var figure = Figure.Of($"bus.qos{qos}", $"BusClient -> BusClient, QoS {qos}, {rig.EnvelopeBytes} B events", "msg/s", bus.Rates, withP99: false) with
            {
                Baseline = "mosquitto_pub -l -> mosquitto_sub",
                BaselineMedian = c.Rates.Median,
            };
            figures.Add(figure with
            {
                Targets = [TargetCheck.AtLeast("ratio", figure.Ratio ?? 0, target)],
                Note = ThroughputRounds.Describe(size.ThroughputMessages, rig, bus, c),
            });
            figures.Add(Figure.Of($"bus.qos{qos}.cpu", $"CPU per message in publisher + subscriber, QoS {qos}", "us/msg", bus.ClientCpu, withP99: false) with
            {
                Baseline = "mosquitto_pub + mosquitto_sub",
                // /proc counts CPU in 10 ms ticks: a smoke-sized round can show none, and then there is nothing to compare.
                BaselineMedian = c.ClientCpu.Median > 0 ? c.ClientCpu.Median : null,
                Note = $"lower is better; the broker spent {NumberText.Format(bus.BrokerCpu.Median)} us/msg for the BusClients, " +
                    $"{NumberText.Format(c.BrokerCpu.Median)} us/msg for the C clients",
            });
        }

        return figures;
    }
}
