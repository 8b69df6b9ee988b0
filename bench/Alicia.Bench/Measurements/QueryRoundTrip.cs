using System.Text.Json;
using Alicia.Bench.Infrastructure;
using Alicia.Bench.Reporting;
using Alicia.Bus;
using Alicia.Contracts;
using Alicia.Contracts.Platform;

namespace Alicia.Bench.Measurements;

/// <summary>
/// Item 3: query round trips, cli asking discovery on alicia/system/discovery/query (BusClient.QueryAsync
/// against an OnQuery handler), sequentially and with 32 in flight, next to bare MQTTnet clients
/// exchanging the same bytes (the transport's floor) in the same run, just before.
/// </summary>
public sealed class QueryRoundTrip : IMeasurement
{
    private const int InFlight = 32;

    public string Group => "rpc";

    public string Name => "query round trip";

    public async Task<IReadOnlyList<Figure>> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var broker = await context.BrokerAsync(cancellationToken);
        var size = context.Size;
        var directory = Directory();
        var query = new CapabilityQuery("stt");
        // The bare clients use the same identities and topic as the bus clients, so the two never run at
        // the same time: each would otherwise also receive, and answer, the other's questions.
        (Samples LatenciesMs, double Rate) rawSequential, rawConcurrent, sequential, concurrent;
        await using (var raw = await RawRequestResponse.StartAsync(broker, RequestBytes(query), ReplyBytes(directory), cancellationToken))
        {
            await LatencyRecorder.RunAsync(raw.AskAsync, size.WarmUp(size.QuerySamples), 1, cancellationToken);
            rawSequential = await LatencyRecorder.RunAsync(raw.AskAsync, size.QuerySamples, 1, cancellationToken);
            rawConcurrent = await LatencyRecorder.RunAsync(raw.AskAsync, size.ConcurrentQuerySamples, InFlight, cancellationToken);
        }

        BusClient? discovery = null;
        BusClient? cli = null;
        try
        {
            discovery = await BenchBus.StartAsync(broker, ServiceNames.Discovery,
                bus => bus.OnQuery<CapabilityQuery, ServiceDirectory>(Topics.Discovery.Query, (_, _) => Task.FromResult(directory)),
                cancellationToken: cancellationToken);
            cli = await BenchBus.StartAsync(broker, ServiceNames.Cli, cancellationToken: cancellationToken);
            var asker = cli;
            Task Ask(CancellationToken ct) => asker.QueryAsync<CapabilityQuery, ServiceDirectory>(Topics.Discovery.Query, query, cancellationToken: ct);

            await LatencyRecorder.RunAsync(Ask, size.WarmUp(size.QuerySamples), 1, cancellationToken);
            sequential = await LatencyRecorder.RunAsync(Ask, size.QuerySamples, 1, cancellationToken);
            concurrent = await LatencyRecorder.RunAsync(Ask, size.ConcurrentQuerySamples, InFlight, cancellationToken);
        }
        finally
        {
            await BenchBus.StopAsync(cli);
            await BenchBus.StopAsync(discovery);
        }

        const string baseline = "bare MQTTnet request/response, QoS 1";
        var sequentialFigure = Figure.Of("rpc.query.sequential", "cli -> discovery query, one at a time", "ms", sequential.LatenciesMs) with
        {
            Baseline = baseline,
            BaselineMedian = rawSequential.LatenciesMs.Median,
            Note = $"baseline p99 {NumberText.Format(rawSequential.LatenciesMs.Percentile(0.99))} ms",
        };
        var concurrentFigure = Figure.Of($"rpc.query.inflight{InFlight}", $"cli -> discovery query, {InFlight} in flight", "ms", concurrent.LatenciesMs) with
        {
            Baseline = baseline,
            BaselineMedian = rawConcurrent.LatenciesMs.Median,
            Note = $"baseline p99 {NumberText.Format(rawConcurrent.LatenciesMs.Percentile(0.99))} ms",
        };
        return
        [
            sequentialFigure with
            {
                Targets =
                [
                    TargetCheck.Below("p50 ms", sequentialFigure.Median, 1),
                    TargetCheck.Below("p99 ms", sequentialFigure.P99 ?? double.MaxValue, 5),
                ],
            },
            concurrentFigure,
            new Figure($"rpc.query.inflight{InFlight}.rate", $"queries answered per second, {InFlight} in flight", "query/s", concurrent.Rate, null, 1)
            {
                Baseline = baseline,
                BaselineMedian = rawConcurrent.Rate,
            },
        ];
    }

    private static ServiceDirectory Directory()
    {
        var now = Envelope.UnixSeconds(DateTimeOffset.UtcNow);
        return new ServiceDirectory(now, [new DirectoryEntry(ServiceNames.Stt, "main", BusClient.Version, ["stt", "wake"], now, now, HealthState.Online)]);
    }

    // The bytes a query and its answer carry on the wire, for the bare clients to exchange.
    private static byte[] RequestBytes(CapabilityQuery query) => EnvelopeCodec.Encode(new Envelope(
        Guid.NewGuid().ToString(), Envelope.UnixSeconds(DateTimeOffset.UtcNow), ServiceNames.Cli, Envelope.Broadcast, MessageType.Query,
        MessagePriority.Normal, 6, JsonSerializer.SerializeToElement(query, ContractsJson.Default.CapabilityQuery), new Routing()));

    private static byte[] ReplyBytes(ServiceDirectory directory)
    {
        var reply = new Reply(true, JsonSerializer.SerializeToElement(directory, ContractsJson.Default.ServiceDirectory));
        return EnvelopeCodec.Encode(new Envelope(
            Guid.NewGuid().ToString(), Envelope.UnixSeconds(DateTimeOffset.UtcNow), ServiceNames.Discovery, ServiceNames.Cli, MessageType.Response,
            MessagePriority.Normal, 6, JsonSerializer.SerializeToElement(reply, ContractsJson.Default.Reply), new Routing(1), Guid.NewGuid().ToString()));
    }
}
