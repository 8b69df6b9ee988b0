using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Alicia.Bus;
using Alicia.Contracts;
using Alicia.Contracts.Voice;
using Alicia.VoiceRouter.Dialogue;
using MQTTnet.Protocol;

namespace Alicia.VoiceRouter;

/// <summary>
/// The dialogues' messages on the bus. Session events are retained-free QoS 1 events; the AI request
/// is an event answered by an event; the TTS request goes as a command with <c>alicia/voice/tts/response</c>
/// as its MQTT 5 response topic, and the answer there is matched by correlation id: the TTS service's
/// TtsResponse event, or a reply envelope from a command handler, are both accepted.
/// </summary>
public sealed class BusDialogue(BusClient bus) : IDialogueBus
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource<TtsResponse>> _speaking = new(StringComparer.Ordinal);

    public Task SessionStartedAsync(SessionStarted started, Envelope? cause)
    {
        ArgumentNullException.ThrowIfNull(started);
        return bus.PublishAsync(Topics.Session.Started(started.Site), started, SessionOptions(started.SessionId, started.Site, cause));
    }

    public Task SessionEndedAsync(SessionEnded ended, Envelope? cause)
    {
        ArgumentNullException.ThrowIfNull(ended);
        return bus.PublishAsync(Topics.Session.Ended(ended.Site), ended, SessionOptions(ended.SessionId, ended.Site, cause));
    }

    public async Task<string> AskAiAsync(string text, string sessionId, string site, Envelope? cause)
    {
        var request = bus.CreateEnvelope(MessageType.Event, bus.Json.ToElement(new AiRequest(text)), MessagePriority.Interactive,
            Envelope.DefaultTtl, null, sessionId, site, cause, Envelope.Broadcast);
        await bus.PublishEnvelopeAsync(Topics.Ai.Request, request, retain: false, MqttQualityOfServiceLevel.AtLeastOnce, null, null, CancellationToken.None);
        return request.MessageId;
    }

    public async Task<TtsResponse> SpeakAsync(string text, string sessionId, string site, Envelope? cause, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var ttl = (int)Math.Ceiling(timeout.TotalSeconds) + 1;
        var request = bus.CreateEnvelope(MessageType.Command, bus.Json.ToElement(new TtsRequest(text)), MessagePriority.Interactive,
            ttl, null, sessionId, site, cause, Envelope.Broadcast);
        var done = new TaskCompletionSource<TtsResponse>(TaskCreationOptions.RunContinuationsAsynchronously);
        _speaking[request.MessageId] = done;
        try
        {
            await bus.PublishEnvelopeAsync(Topics.Tts.Request, request, retain: false, MqttQualityOfServiceLevel.AtLeastOnce,
                Topics.Tts.Response, Encoding.UTF8.GetBytes(request.MessageId), cancellationToken);
            return await done.Task.WaitAsync(timeout, cancellationToken);
        }
        finally
        {
            _speaking.TryRemove(request.MessageId, out _);
        }
    }

    /// <summary>Completes the wait for a TTS response; false when nobody here waits for it.</summary>
    public bool CompleteSpeech(Envelope response)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (response.CorrelationId is not { } id || !_speaking.TryGetValue(id, out var done))
        {
            return false;
        }

        try
        {
            if (response.MessageType == MessageType.Response)
            {
                var reply = bus.Json.FromElement<Reply>(response.Payload);
                if (!reply.Ok || reply.Result is not { } result)
                {
                    return done.TrySetException(new SpeechFailedException(reply.Error ?? "the TTS failed"));
                }

                return Finish(done, bus.Json.FromElement<TtsResponse>(result));
            }

            return Finish(done, bus.Json.FromElement<TtsResponse>(response.Payload));
        }
        catch (JsonException e)
        {
            return done.TrySetException(new SpeechFailedException($"unreadable TTS response: {e.Message}"));
        }
    }

    // A response with an error is the TTS saying it could not speak the text.
    private static bool Finish(TaskCompletionSource<TtsResponse> done, TtsResponse response) =>
        response.Error is { } error ? done.TrySetException(new SpeechFailedException(error)) : done.TrySetResult(response);

    private static PublishOptions SessionOptions(string sessionId, string site, Envelope? cause) => new()
    {
        SessionId = sessionId,
        SiteId = site,
        CausedBy = cause,
        AtLeastOnce = true,
        Priority = MessagePriority.Interactive,
    };
}
