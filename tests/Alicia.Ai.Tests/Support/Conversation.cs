using System.Collections.Concurrent;
using Alicia.Bus;
using Alicia.Contracts;
using Alicia.Contracts.Voice;
using Alicia.Testing;
using MQTTnet.Protocol;

namespace Alicia.Ai.Tests.Support;

/// <summary>Talks to the AI as the command line does: AiRequest events out, AiResponse events back by correlation id.</summary>
internal sealed class Conversation : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource<BusMessage<AiResponse>>> _waiting = new();
    private BusClient _client = null!;

    public static async Task<Conversation> StartAsync(MosquittoBroker broker)
    {
        var conversation = new Conversation();
        conversation._client = await TestClients.StartedAsync(broker, "cli", bus =>
            bus.OnEvent<AiResponse>(Topics.Ai.Response, (m, _) =>
            {
                if (m.Envelope.CorrelationId is { } id && conversation._waiting.TryGetValue(id, out var done))
                {
                    done.TrySetResult(m);
                }

                return Task.CompletedTask;
            }));
        return conversation;
    }

    /// <summary>Sends a sentence and returns the response with its envelope (the request id is then <see cref="LastRequestId"/>).</summary>
    public async Task<BusMessage<AiResponse>> AskAsync(string text, string? session = "session-1", string? site = "kitchen")
    {
        var request = _client.CreateEnvelope(MessageType.Event, _client.Json.ToElement(new AiRequest(text)), MessagePriority.Interactive,
            Envelope.DefaultTtl, null, session, site, null, Envelope.Broadcast);
        var done = new TaskCompletionSource<BusMessage<AiResponse>>(TaskCreationOptions.RunContinuationsAsynchronously);
        _waiting[request.MessageId] = done;
        LastRequestId = request.MessageId;
        await _client.PublishEnvelopeAsync(Topics.Ai.Request, request, retain: false, MqttQualityOfServiceLevel.AtLeastOnce, null, null, CancellationToken.None);
        try
        {
            return await done.Task.WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"no AiResponse to \"{text}\" within 10 s");
        }
    }

    public string? LastRequestId { get; private set; }

    public async ValueTask DisposeAsync() => await _client.StopAsync();
}
