using System.Collections.Concurrent;
using System.Diagnostics;
using Alicia.Bus;
using Alicia.Contracts;
using Alicia.Contracts.Voice;

namespace Alicia.Dashboard.Tests.StandIns;

/// <summary>
/// Plays the voice router's part for the dashboard until the real service can be hosted here: a text
/// session goes to the AI and the reply to the TTS service; a listening session waits for the browser's audio to stop.
/// </summary>
public sealed class StandInVoiceRouter(BusClientFactory bus) : BusServiceWrapper(bus, ServiceNames.VoiceRouter)
{
    private static readonly TimeSpan AnswerTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan AudioSilence = TimeSpan.FromMilliseconds(700);

    private readonly ConcurrentDictionary<string, TaskCompletionSource<AiResponse>> _answers = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource<TtsResponse>> _speech = new();
    private long _lastFrameTicks;

    protected override void ConfigureRoutes(BusClient bus)
    {
        bus.OnEvent<SessionStart>(Topics.Session.AllStart, RunSessionAsync);
        bus.OnEvent<AiResponse>(Topics.Ai.Response, (m, _) =>
        {
            if (m.SessionId is { } id && _answers.TryGetValue(id, out var answer))
            {
                answer.TrySetResult(m.Payload);
            }

            return Task.CompletedTask;
        });
        bus.OnEvent<TtsResponse>(Topics.Tts.Response, (m, _) =>
        {
            if (m.SessionId is { } id && _speech.TryGetValue(id, out var speech))
            {
                speech.TrySetResult(m.Payload);
            }

            return Task.CompletedTask;
        });
        bus.OnBinary(Topics.Audio.AllFrames, (_, _) => Interlocked.Exchange(ref _lastFrameTicks, Stopwatch.GetTimestamp()));
    }

    private async Task RunSessionAsync(BusMessage<SessionStart> m, CancellationToken ct)
    {
        var site = m.Topic.Split('/')[3];
        var sessionId = Guid.NewGuid().ToString("N");
        var options = new PublishOptions { AtLeastOnce = true, Priority = MessagePriority.Interactive, SessionId = sessionId, SiteId = site };
        var text = m.Payload.Text;
        await Bus.PublishAsync(Topics.Session.Started(site), new SessionStarted(sessionId, site, text is null ? "voice" : "text"), options, ct);
        var total = Stopwatch.StartNew();
        if (text is null)
        {
            Interlocked.Exchange(ref _lastFrameTicks, Stopwatch.GetTimestamp());
            while (Stopwatch.GetElapsedTime(Interlocked.Read(ref _lastFrameTicks)) < AudioSilence)
            {
                await Task.Delay(50, ct);
            }

            await Bus.PublishAsync(Topics.Session.Ended(site), new SessionEnded(sessionId, site, SessionEndReason.NotRecognized, null, null, null,
                new Dictionary<string, double> { ["listen"] = total.Elapsed.TotalMilliseconds, ["total"] = total.Elapsed.TotalMilliseconds }), options, ct);
            return;
        }

        var answer = new TaskCompletionSource<AiResponse>(TaskCreationOptions.RunContinuationsAsynchronously);
        var speech = new TaskCompletionSource<TtsResponse>(TaskCreationOptions.RunContinuationsAsynchronously);
        _answers[sessionId] = answer;
        _speech[sessionId] = speech;
        try
        {
            await Bus.PublishAsync(Topics.Ai.Request, new AiRequest(text), options, ct);
            var ai = await answer.Task.WaitAsync(AnswerTimeout, ct);
            var aiMs = total.Elapsed.TotalMilliseconds;
            await Bus.PublishAsync(Topics.Tts.Request, new TtsRequest(ai.Reply), options, ct);
            await speech.Task.WaitAsync(AnswerTimeout, ct);
            var stages = new Dictionary<string, double>
            {
                ["ai"] = aiMs,
                ["tts"] = total.Elapsed.TotalMilliseconds - aiMs,
                ["total"] = total.Elapsed.TotalMilliseconds,
            };
            var reason = ai.Recognized ? SessionEndReason.Nominal : SessionEndReason.NotRecognized;
            await Bus.PublishAsync(Topics.Session.Ended(site), new SessionEnded(sessionId, site, reason, text, ai.Intent, ai.Reply, stages), options, ct);
        }
        finally
        {
            _answers.TryRemove(sessionId, out _);
            _speech.TryRemove(sessionId, out _);
        }
    }
}
