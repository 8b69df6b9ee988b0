using System.Diagnostics;
using System.Text.Json;
using Alicia.Bench.Infrastructure;
using Alicia.Bench.Reporting;
using Alicia.Bus;
using Alicia.Bus.Metrics;
using Alicia.Contracts;
using Alicia.Contracts.Voice;
using MQTTnet;

namespace Alicia.Bench.Measurements;

/// <summary>
/// Item 5: dispatch inside one process, no broker. Two figures: the priority inbox with the handler
/// pipeline around already-decoded messages (what an in-memory priority-queue bus does), and the
/// whole BusClient receive path from raw MQTT payload bytes (JSON decode and checks, route match,
/// inbox, dispatch workers, typed payload, metrics), fed by one thread as MQTTnet's receive loop does.
/// </summary>
public sealed class InProcessDispatch : IMeasurement
{
    private const string Reported = "Python asyncio priority-queue bus (reported)";
    private const double ReportedRate = 620_000;
    private const double TargetRate = 1_000_000;
    private const int Variants = 1024;

    private static readonly MessagePriority[] Priorities =
        [MessagePriority.Interactive, MessagePriority.Normal, MessagePriority.System, MessagePriority.External, MessagePriority.Low];

    public string Group => "bus";

    public string Name => "in-process dispatch";

    public async Task<IReadOnlyList<Figure>> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var size = context.Size;
        var broker = await context.BrokerAsync(cancellationToken);
        var counter = new DeliveryCounter();
        BusClient? service = null;
        try
        {
            service = await BenchBus.StartAsync(broker, ServiceNames.Stt, bus => bus.OnEvent<SttRequest>(Topics.Stt.Request, (m, _) =>
            {
                counter.Increment();
                return Task.CompletedTask;
            }), cancellationToken: cancellationToken);
            var messages = RawMessages(service);
            var deliveries = Deliveries(service, messages);

            var inbox = new Samples();
            var busClient = new Samples();
            await InboxRoundAsync(deliveries, size.WarmUp(size.DispatchMessages), service.Options.DispatchConcurrency, cancellationToken);
            await BusClientRoundAsync(service, messages, counter, size.WarmUp(size.DispatchMessages), cancellationToken);
            for (var round = 0; round < size.DispatchRounds; round++)
            {
                inbox.Add(await InboxRoundAsync(deliveries, size.DispatchMessages, service.Options.DispatchConcurrency, cancellationToken));
                busClient.Add(await BusClientRoundAsync(service, messages, counter, size.DispatchMessages, cancellationToken));
                context.Log($"  round {round + 1}: inbox {NumberText.Format(inbox.Values[^1])}/s, BusClient {NumberText.Format(busClient.Values[^1])}/s");
            }

            var note = $"{size.DispatchRounds} rounds of {size.DispatchMessages:N0} messages, {service.Options.DispatchConcurrency} dispatch workers, " +
                $"{messages[0].Payload.Length} B envelopes, 5 priorities mixed";
            return
            [
                WithTarget(Figure.Of("dispatch.inbox", "PriorityInbox + handler pipeline (typed payload), decoded envelopes", "msg/s", inbox, withP99: false) with
                {
                    Baseline = Reported,
                    BaselineMedian = ReportedRate,
                    Note = note,
                }),
                Figure.Of("dispatch.busclient", "BusClient receive path from wire bytes (envelope JSON decode .. handler)", "msg/s", busClient, withP99: false) with
                {
                    Baseline = Reported,
                    BaselineMedian = ReportedRate,
                    Note = "includes decoding each envelope from its JSON bytes on the single receive thread, which bounds it (the inbox figure starts from decoded envelopes)",
                },
            ];
        }
        finally
        {
            await BenchBus.StopAsync(service);
        }
    }

    private static Figure WithTarget(Figure figure) =>
        figure with { Targets = [TargetCheck.AtLeast("msg/s", figure.Median, TargetRate)] };

    /// <summary>
    /// The inbox and the steps BusClient's workers take around a handler (expiry check, the route's
    /// delegate, handled counter, duration histogram), built from the library's public pieces.
    /// </summary>
    private static async Task<double> InboxRoundAsync(Delivery[] deliveries, int count, int workers, CancellationToken cancellationToken)
    {
        using var inbox = new PriorityInbox<Delivery>(10_000);
        var metrics = new BusMetrics();
        var counter = new DeliveryCounter();
        counter.Reset(count);
        var route = deliveries[0].Routes[0];
        // Like an OnEvent route: the typed payload is deserialized from the envelope before the handler runs.
        var handler = new Route(route.Filter, route.Kind, route.Options, (delivery, _) =>
        {
            if (delivery.Envelope.Payload.Deserialize(ContractsJson.Default.SttRequest) is not null)
            {
                counter.Increment();
            }

            return Task.CompletedTask;
        });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var consumers = Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
        {
            var time = TimeProvider.System;
            while (!stop.IsCancellationRequested)
            {
                Delivery delivery;
                try
                {
                    delivery = await inbox.DequeueAsync(stop.Token);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                if (delivery.Envelope.IsExpiredAt(time.GetUtcNow()))
                {
                    continue;
                }

                var started = Stopwatch.GetTimestamp();
                await handler.Invoke(delivery, stop.Token);
                metrics.Handled.Increment();
                metrics.HandlerDuration(handler.Filter).Record(Stopwatch.GetElapsedTime(started));
            }
        }, CancellationToken.None)).ToArray();

        var begin = Stopwatch.GetTimestamp();
        await Task.Factory.StartNew(() =>
        {
            var spin = new SpinWait();
            for (var i = 0; i < count; i++)
            {
                var delivery = deliveries[i % deliveries.Length];
                while (inbox.TryEnqueue(delivery, delivery.Envelope.Priority, BackpressurePolicy.RejectNew, out _) == EnqueueOutcome.Rejected)
                {
                    spin.SpinOnce();
                }
            }
        }, cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        var (handled, at) = await counter.WaitAsync(TimeSpan.FromSeconds(3), cancellationToken);
        await stop.CancelAsync();
        await Task.WhenAll(consumers);
        return handled / Stopwatch.GetElapsedTime(begin, at).TotalSeconds;
    }

    /// <summary>Feeds raw messages to a started BusClient's receive path from one thread, holding back only when its inbox is nearly full.</summary>
    private static async Task<double> BusClientRoundAsync(BusClient service, MqttApplicationMessage[] messages, DeliveryCounter counter, int count, CancellationToken cancellationToken)
    {
        counter.Reset(count);
        var highWater = service.Options.QueueCapacity - 64;
        var begin = Stopwatch.GetTimestamp();
        await Task.Factory.StartNew(() =>
        {
            var spin = new SpinWait();
            for (var i = 0; i < count; i++)
            {
                while (service.QueueDepth >= highWater)
                {
                    spin.SpinOnce();
                }

                service.Receive(messages[i % messages.Length]);
            }
        }, cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        var (handled, at) = await counter.WaitAsync(TimeSpan.FromSeconds(3), cancellationToken);
        if (handled < count)
        {
            throw new InvalidOperationException($"the BusClient handled {handled:N0} of {count:N0} messages (rejected: {service.Metrics.Rejected.Value}, dropped: {service.Metrics.Dropped.Value})");
        }

        return handled / Stopwatch.GetElapsedTime(begin, at).TotalSeconds;
    }

    private static MqttApplicationMessage[] RawMessages(BusClient service)
    {
        var payload = service.Json.ToElement(new SttRequest(new string('A', 40)));
        return Enumerable.Range(0, Variants).Select(i =>
        {
            var envelope = service.CreateEnvelope(MessageType.Event, payload, Priorities[i % Priorities.Length], Envelope.DefaultTtl,
                null, null, null, null, Envelope.Broadcast);
            return new MqttApplicationMessageBuilder().WithTopic(Topics.Stt.Request).WithPayload(EnvelopeCodec.Encode(envelope)).Build();
        }).ToArray();
    }

    private static Delivery[] Deliveries(BusClient service, MqttApplicationMessage[] messages)
    {
        var codec = new EnvelopeCodec(service.Options.MaxPayloadBytes, TimeProvider.System);
        var route = new Route(Topics.Stt.Request, RouteKind.Event, RouteOptions.Default, (_, _) => Task.CompletedTask);
        return messages.Select(m => codec.TryDecode(m.Payload, out var envelope, out _)
            ? new Delivery(m.Topic, envelope, [route], null, null)
            : throw new InvalidOperationException("benchmark envelope does not decode")).ToArray();
    }
}
