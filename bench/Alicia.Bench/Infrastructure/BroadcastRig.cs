using System.Diagnostics;
using System.Text;
using Alicia.Bus;
using Alicia.Contracts;
using Alicia.Contracts.Voice;
using Alicia.Testing;
using MQTTnet;
using MQTTnet.Protocol;

namespace Alicia.Bench.Infrastructure;

/// <summary>
/// One publisher and N subscribers on <c>alicia/voice/stt/request</c>, twice: BusClients
/// ("voice-router" publishing, "stt" instances subscribing) and the broker's own C clients with the
/// same identities and the same ~256-byte envelopes, so both are timed in the same conditions.
/// Every subscriber stays connected for the whole rig; the two sides use different topics.
/// </summary>
public sealed class BroadcastRig : IAsyncDisposable
{
    public const string Publisher = ServiceNames.VoiceRouter;
    public const string Subscriber = ServiceNames.Stt;
    public const string Topic = Topics.Stt.Request;

    /// <summary>
    /// The C clients use a topic of their own (also written by voice-router and read by stt), so
    /// neither side's subscribers receive the other side's traffic while it is being timed.
    /// </summary>
    public static readonly string BaselineTopic = Topics.Session.Started("bench");

    private static readonly TimeSpan Quiet = TimeSpan.FromSeconds(3);

    private readonly MosquittoBroker _broker;
    private readonly int _qos;
    private readonly DeliveryCounter _busCounter = new();
    private readonly DeliveryCounter _cCounter = new();
    private readonly List<BusClient> _subscribers = [];
    private readonly List<LineCountingSubscriber> _cSubscribers = [];
    private readonly Dictionary<int, string> _lineFiles = [];
    private BusClient _publisher = null!;
    private int? _brokerPid;

    private BroadcastRig(MosquittoBroker broker, int qos)
    {
        _broker = broker;
        _qos = qos;
    }

    /// <summary>The event every message carries, sized so the whole envelope is about 256 bytes.</summary>
    public SttRequest Payload { get; private set; } = null!;

    public int EnvelopeBytes { get; private set; }

    public int SubscriberCount => _subscribers.Count;

    /// <summary>Publishes kept in flight by the BusClient publisher (mosquitto_pub keeps up to 20 QoS 1 messages in flight).</summary>
    public int Window { get; init; } = 64;

    public static async Task<BroadcastRig> StartAsync(MosquittoBroker broker, int subscribers, int qos, CancellationToken cancellationToken)
    {
        var rig = new BroadcastRig(broker, qos);
        try
        {
            await rig.StartClientsAsync(subscribers, cancellationToken);
            return rig;
        }
        catch
        {
            await rig.DisposeAsync();
            throw;
        }
    }

    /// <summary>BusClient to BusClient(s): from the first publish until every subscriber's handler has run for every message.</summary>
    public async Task<RoundResult> BusRoundAsync(int messages, CancellationToken cancellationToken)
    {
        var expected = (long)messages * _subscribers.Count;
        _busCounter.Reset(expected);
        var options = new PublishOptions { AtLeastOnce = _qos == 1 };
        var (clientCpu, brokerCpu) = (CpuClock.Self(), BrokerCpu());
        var started = Stopwatch.GetTimestamp();
        await BenchBus.PublishManyAsync(_publisher, Topic, Payload, messages, options, Window, cancellationToken);
        var (delivered, at) = await _busCounter.WaitAsync(Quiet, cancellationToken);
        return new RoundResult(expected, delivered, Stopwatch.GetElapsedTime(started, at), CpuClock.Self() - clientCpu, BrokerCpu() - brokerCpu);
    }

    /// <summary>mosquitto_pub -l to mosquitto_sub(s): from starting the publisher until every subscriber has printed every message.</summary>
    public async Task<RoundResult> MosquittoRoundAsync(int messages, CancellationToken cancellationToken)
    {
        var file = LinesFile(messages);
        var expected = (long)messages * _cSubscribers.Count;
        _cCounter.Reset(expected);
        var (clientCpu, brokerCpu) = (CClientsCpu(), BrokerCpu());
        var started = Stopwatch.GetTimestamp();
        var publishing = LinePublisher.RunAsync(_broker, Publisher, BaselineTopic, _qos, file, cancellationToken);
        var (delivered, at) = await _cCounter.WaitAsync(Quiet, cancellationToken);
        await publishing;
        return new RoundResult(expected, delivered, Stopwatch.GetElapsedTime(started, at), CClientsCpu() - clientCpu, BrokerCpu() - brokerCpu);
    }

    // The subscribers run on; mosquitto_pub has exited and been waited for by the time this is read again.
    private double CClientsCpu() => _cSubscribers.Sum(s => CpuClock.Of(s.ProcessId)) + CpuClock.ReapedChildren();

    private double BrokerCpu() => _brokerPid is { } pid ? CpuClock.Of(pid) : double.NaN;

    public async ValueTask DisposeAsync()
    {
        foreach (var subscriber in _cSubscribers)
        {
            await subscriber.DisposeAsync();
        }

        await BenchBus.StopAsync(_publisher);
        foreach (var subscriber in _subscribers)
        {
            await BenchBus.StopAsync(subscriber);
        }

        foreach (var file in _lineFiles.Values)
        {
            File.Delete(file);
        }
    }

    private async Task StartClientsAsync(int subscribers, CancellationToken cancellationToken)
    {
        _brokerPid = CpuClock.FindProcess(_broker.ConfigPath);
        _publisher = await BenchBus.StartAsync(_broker, Publisher, cancellationToken: cancellationToken);
        (Payload, EnvelopeBytes) = SizedPayload(_publisher, 256);
        for (var i = 0; i < subscribers; i++)
        {
            _subscribers.Add(await BenchBus.StartAsync(_broker, Subscriber, bus => bus.OnEvent<SttRequest>(Topic, (_, _) =>
            {
                _busCounter.Increment();
                return Task.CompletedTask;
            }), cancellationToken: cancellationToken));
        }

        for (var i = 0; i < subscribers; i++)
        {
            _cSubscribers.Add(LineCountingSubscriber.Start(_broker, Subscriber, BaselineTopic, _qos, _cCounter));
        }

        await WaitUntilSubscribedAsync(cancellationToken);
    }

    // mosquitto_sub cannot tell us when its SUBACK came; a probe message each of them prints can.
    private async Task WaitUntilSubscribedAsync(CancellationToken cancellationToken)
    {
        using var probe = await TestMqtt.ConnectAsync(_broker, Publisher, ct: cancellationToken);
        var message = new MqttApplicationMessageBuilder()
            .WithTopic(BaselineTopic)
            .WithPayload(Encoding.UTF8.GetBytes("probe"))
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtMostOnce)
            .Build();
        var deadline = Stopwatch.GetTimestamp() + (Stopwatch.Frequency * 15);
        while (_cSubscribers.Any(s => s.Lines == 0))
        {
            if (Stopwatch.GetTimestamp() > deadline)
            {
                throw new TimeoutException("mosquitto_sub did not receive the probe within 15 s");
            }

            await probe.PublishAsync(message, cancellationToken);
            await Task.Delay(50, cancellationToken);
        }

        await probe.DisconnectAsync(cancellationToken: cancellationToken);
        await Task.Delay(200, cancellationToken); // the last probes land before anything is counted
    }

    private string LinesFile(int messages)
    {
        if (!_lineFiles.TryGetValue(messages, out var file))
        {
            file = Path.Combine(_broker.Directory, $"lines-{messages}.txt");
            using (var writer = new StreamWriter(file, append: false, new UTF8Encoding(false)))
            {
                var payload = _publisher.Json.ToElement(Payload);
                for (var i = 0; i < messages; i++)
                {
                    // Real envelopes as the BusClient sends them (each its own message id); JSON escapes
                    // newlines, so one envelope is one line.
                    var envelope = _publisher.CreateEnvelope(MessageType.Event, payload, MessagePriority.Normal, Envelope.DefaultTtl,
                        null, null, null, null, Envelope.Broadcast);
                    writer.Write(Encoding.UTF8.GetString(EnvelopeCodec.Encode(envelope)));
                    writer.Write('\n');
                }
            }

            _lineFiles[messages] = file;
        }

        return file;
    }

    private static (SttRequest Payload, int Bytes) SizedPayload(BusClient publisher, int targetBytes)
    {
        int Size(SttRequest request) => EnvelopeCodec.Encode(publisher.CreateEnvelope(MessageType.Event, publisher.Json.ToElement(request),
            MessagePriority.Normal, Envelope.DefaultTtl, null, null, null, null, Envelope.Broadcast)).Length;

        var empty = new SttRequest("");
        var padding = Math.Max(0, targetBytes - Size(empty));
        var sized = new SttRequest(new string('A', padding));
        return (sized, Size(sized));
    }
}
