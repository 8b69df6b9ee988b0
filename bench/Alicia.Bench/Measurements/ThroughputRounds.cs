using Alicia.Bench.Infrastructure;
using Alicia.Bench.Reporting;

namespace Alicia.Bench.Measurements;

/// <summary>Warm-up, then alternating timed rounds of the BusClient side and the C-client side of a <see cref="BroadcastRig"/>.</summary>
public static class ThroughputRounds
{
    public static async Task<(RoundSeries Bus, RoundSeries C)> RunAsync(BenchContext context, BroadcastRig rig, int messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(rig);
        var warmUp = context.Size.WarmUp(messages);
        await rig.BusRoundAsync(warmUp, cancellationToken);
        await rig.MosquittoRoundAsync(warmUp, cancellationToken);
        var bus = new RoundSeries();
        var c = new RoundSeries();
        for (var round = 0; round < context.Size.ThroughputRounds; round++)
        {
            c.Add(await rig.MosquittoRoundAsync(messages, cancellationToken));
            bus.Add(await rig.BusRoundAsync(messages, cancellationToken));
            context.Log($"  round {round + 1}: bus {NumberText.Format(bus.Rates.Values[^1])}/s, mosquitto clients {NumberText.Format(c.Rates.Values[^1])}/s");
        }

        return (bus, c);
    }

    public static string Describe(int messages, BroadcastRig rig, RoundSeries bus, RoundSeries c)
    {
        ArgumentNullException.ThrowIfNull(rig);
        ArgumentNullException.ThrowIfNull(bus);
        ArgumentNullException.ThrowIfNull(c);
        return $"{bus.Rates.Count} rounds of {messages:N0} messages to {rig.SubscriberCount} subscriber(s), {rig.Window} publishes in flight; " +
            $"lost: bus {bus.Lost:N0}, mosquitto clients {c.Lost:N0}";
    }
}
