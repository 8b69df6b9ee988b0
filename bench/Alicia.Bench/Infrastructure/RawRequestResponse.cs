using System.Buffers.Binary;
using System.Collections.Concurrent;
using Alicia.Contracts;
using Alicia.Testing;
using MQTTnet;
using MQTTnet.Protocol;

namespace Alicia.Bench.Infrastructure;

/// <summary>
/// The floor under a bus query: two bare MQTTnet clients (cli asking, discovery answering) doing an
/// MQTT 5 request/response at QoS 1 with the same bytes a query and its reply carry, but with no
/// envelope decoding, no queue and no handler.
/// </summary>
public sealed class RawRequestResponse : IAsyncDisposable
{
    private const string ResponseTopic = "alicia/reply/cli/raw";

    private readonly ConcurrentDictionary<int, TaskCompletionSource> _pending = new();
    private readonly IMqttClient _requester;
    private readonly IMqttClient _responder;
    private readonly byte[] _request;
    private readonly byte[] _reply;
    private int _next;

    private RawRequestResponse(IMqttClient requester, IMqttClient responder, byte[] request, byte[] reply)
    {
        _requester = requester;
        _responder = responder;
        _request = request;
        _reply = reply;
        _responder.ApplicationMessageReceivedAsync += e =>
        {
            var asked = e.ApplicationMessage;
            var answer = new MqttApplicationMessageBuilder()
                .WithTopic(asked.ResponseTopic)
                .WithPayload(_reply)
                .WithCorrelationData(asked.CorrelationData)
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
                .Build();
            // Like the bus, answer off the receive loop: awaiting our own PUBACK in here would stall it.
            _ = _responder.PublishAsync(answer);
            return Task.CompletedTask;
        };
        _requester.ApplicationMessageReceivedAsync += e =>
        {
            var id = BinaryPrimitives.ReadInt32LittleEndian(e.ApplicationMessage.CorrelationData);
            if (_pending.TryRemove(id, out var done))
            {
                done.TrySetResult();
            }

            return Task.CompletedTask;
        };
    }

    public static async Task<RawRequestResponse> StartAsync(MosquittoBroker broker, byte[] request, byte[] reply, CancellationToken cancellationToken)
    {
        var requester = await TestMqtt.ConnectAsync(broker, ServiceNames.Cli, ct: cancellationToken);
        var responder = await TestMqtt.ConnectAsync(broker, ServiceNames.Discovery, ct: cancellationToken);
        var rig = new RawRequestResponse(requester, responder, request, reply);
        await responder.SubscribeAsync(Topics.Discovery.Query, MqttQualityOfServiceLevel.AtLeastOnce, cancellationToken);
        await requester.SubscribeAsync(ResponseTopic, MqttQualityOfServiceLevel.AtLeastOnce, cancellationToken);
        return rig;
    }

    /// <summary>One request, awaited until its answer arrives.</summary>
    public async Task AskAsync(CancellationToken cancellationToken)
    {
        var id = Interlocked.Increment(ref _next);
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = done;
        var correlation = new byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(correlation, id);
        var message = new MqttApplicationMessageBuilder()
            .WithTopic(Topics.Discovery.Query)
            .WithPayload(_request)
            .WithResponseTopic(ResponseTopic)
            .WithCorrelationData(correlation)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build();
        await _requester.PublishAsync(message, cancellationToken);
        await done.Task.WaitAsync(TimeSpan.FromSeconds(5), cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in new[] { _requester, _responder })
        {
            if (client.IsConnected)
            {
                await client.DisconnectAsync();
            }

            client.Dispose();
        }
    }
}
