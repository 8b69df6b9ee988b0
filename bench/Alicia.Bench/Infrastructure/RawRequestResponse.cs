using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Threading.Channels;
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

    private const int AnsweringLoops = 4;

    private readonly ConcurrentDictionary<int, TaskCompletionSource> _pending = new();
    private readonly Channel<MqttApplicationMessage> _answers = Channel.CreateUnbounded<MqttApplicationMessage>();
    private readonly Task[] _answering;
    private readonly IMqttClient _requester;
    private readonly IMqttClient _responder;
    private readonly byte[] _request;
    private readonly byte[] _reply;
    private int _next;

    private async Task AnswerAsync()
    {
        await foreach (var answer in _answers.Reader.ReadAllAsync())
        {
            await _responder.PublishAsync(answer);
        }
    }

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
            // Like the bus, answer off the receive loop (awaiting our own PUBACK in there would stall it),
            // from as many answering loops as a BusClient has dispatch workers.
            _answers.Writer.TryWrite(answer);
            return Task.CompletedTask;
        };
        _answering = Enumerable.Range(0, AnsweringLoops).Select(_ => Task.Run(AnswerAsync)).ToArray();
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
        _answers.Writer.Complete();
        await Task.WhenAll(_answering);
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
