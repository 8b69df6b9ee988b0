using System.Diagnostics;
using Alicia.Contracts;
using Alicia.Contracts.Voice;
using Microsoft.Extensions.Logging;

namespace Alicia.VoiceRouter.Dialogue;

/// <summary>
/// The dialogue of one site as a state machine driven by events: start (wake or text) -> listening
/// -> thinking -> speaking -> ended, with a timeout on every waiting stage. Every event takes the
/// site's lock only for the transition itself (a few publishes), never for a wait, so bus handlers
/// stay free; waits end in events (a response, a timeout) that come back through here.
/// </summary>
public sealed class SiteDialogue(string site, IDialogueBus bus, VoiceRouterOptions options, TimeProvider time, ILogger logger) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private DialogueSession? _session;

    public string Site => site;

    /// <summary>The open session's id (a snapshot: it may change right after reading).</summary>
    public string? SessionId => Volatile.Read(ref _session)?.Id;

    /// <summary>Opens a listening session (a wake word, or a start without text); a session already open is aborted.</summary>
    public Task WakeAsync(Envelope? cause) => StartAsync(null, cause);

    /// <summary>Opens a text session: the text goes straight to the AI.</summary>
    public Task StartTextAsync(string text, Envelope? cause) => StartAsync(text, cause);

    public Task TranscriptAsync(string sessionId, SttResponse transcript, Envelope? cause) => UnderLockAsync(async () =>
    {
        if (_session is not { Stage: DialogueStage.Listening } session || session.Id != sessionId)
        {
            return;
        }

        // A streamed utterance was decoded while it was spoken: what the person waits for is the time from the
        // VAD's decision to the transcript arriving here, not the decoder's total work.
        if (transcript is { SpeechEndedAt: { } speechEnded, UtteranceClosedAt: { } closed })
        {
            session.StageMs["vad_end"] = Math.Round((closed - speechEnded) * 1000, 1);
            session.StageMs["stt"] = Math.Round(Math.Max(0, (time.GetUtcNow() - DateTimeOffset.UnixEpoch).TotalMilliseconds - (closed * 1000)), 1);
        }
        else
        {
            session.StageMs["stt"] = Math.Round(transcript.DecodeMs, 1);
        }

        session.TurnStartedAt = transcript.UtteranceClosedAt is { } vadClosed
            ? DateTimeOffset.FromUnixTimeMilliseconds((long)(vadClosed * 1000))
            : time.GetUtcNow();
        session.Transcript = transcript.Text;
        if (!transcript.Recognized || string.IsNullOrWhiteSpace(transcript.Text))
        {
            session.Understood = false;
            session.Reply = options.NotHeardReply;
            Speak(session, options.NotHeardReply, cause);
            return;
        }

        await AskAiAsync(session, transcript.Text, cause);
    });

    public Task SttFailedAsync(string sessionId, SttError error, Envelope? cause) => UnderLockAsync(async () =>
    {
        if (_session is { Stage: DialogueStage.Listening } session && session.Id == sessionId)
        {
            logger.LogWarning("Session {Session} on {Site}: STT failed ({Reason}: {Detail})", session.Id, site, error.Reason, error.Detail);
            await EndAsync(SessionEndReason.Error, cause);
        }
    });

    /// <summary>Handles an AI response if it answers this site's open request (matched by correlation id).</summary>
    public Task AiAnsweredAsync(string requestId, AiResponse response, Envelope? cause) => UnderLockAsync(() =>
    {
        if (_session is not { Stage: DialogueStage.Thinking } session || session.AiRequestId != requestId)
        {
            return Task.CompletedTask;
        }

        session.Record("ai", session.AiSentAt);
        session.Intent = response.Intent;
        session.Reply = response.Reply;
        session.Understood = response.Recognized;
        session.ExpectsReply = response.ExpectsReply;
        if (string.IsNullOrWhiteSpace(response.Reply))
        {
            return FinishTurnAsync(session, cause);
        }

        Speak(session, response.Reply, cause);
        return Task.CompletedTask;
    });

    public void Dispose()
    {
        _session?.Ending.Cancel();
        _session?.Dispose();
        _gate.Dispose();
    }

    private Task StartAsync(string? text, Envelope? cause) => UnderLockAsync(async () =>
    {
        if (_session is not null)
        {
            logger.LogInformation("Session {Session} on {Site} aborted by a new one", _session.Id, site);
            await EndAsync(SessionEndReason.Aborted, cause);
        }

        var session = new DialogueSession(Guid.NewGuid().ToString(), site, text is null ? SessionMode.Voice : SessionMode.Text)
        {
            TurnStartedAt = time.GetUtcNow(),
        };
        Volatile.Write(ref _session, session);
        await bus.SessionStartedAsync(new SessionStarted(session.Id, site, session.Mode), cause);
        if (text is null)
        {
            Listen(session);
        }
        else
        {
            session.Transcript = text;
            await AskAiAsync(session, text, cause);
        }
    });

    private void Listen(DialogueSession session)
    {
        Enter(session, DialogueStage.Listening, options.ListenTimeout + options.SttTimeout);
    }

    private async Task AskAiAsync(DialogueSession session, string text, Envelope? cause)
    {
        Enter(session, DialogueStage.Thinking, options.AiTimeout);
        session.AiSentAt = Stopwatch.GetTimestamp();
        session.AiRequestId = await bus.AskAiAsync(text, session.Id, site, cause);
    }

    // The TTS round trip runs outside the lock; its outcome comes back as an event of this step.
    private void Speak(DialogueSession session, string text, Envelope? cause)
    {
        var step = Enter(session, DialogueStage.Speaking, timeout: null);
        var started = Stopwatch.GetTimestamp();
        var ending = session.Ending.Token;
        _ = Task.Run(async () =>
        {
            string? failure = null;
            try
            {
                await bus.SpeakAsync(text, session.Id, site, cause, options.TtsTimeout, ending);
            }
            catch (OperationCanceledException) when (ending.IsCancellationRequested)
            {
                return;
            }
            catch (TimeoutException)
            {
                failure = SessionEndReason.Timeout;
            }
            catch (Exception e)
            {
                logger.LogWarning("Session {Session} on {Site}: TTS failed: {Error}", session.Id, site, e.Message);
                failure = SessionEndReason.Error;
            }

            await SpokenAsync(session, step, started, failure, cause);
        }, CancellationToken.None);
    }

    private Task SpokenAsync(DialogueSession spoken, long step, long started, string? failure, Envelope? cause) => UnderLockAsync(() =>
    {
        if (_session != spoken || spoken.Step != step)
        {
            return Task.CompletedTask;
        }

        spoken.Record("tts", started);
        return failure is null ? FinishTurnAsync(spoken, cause) : EndAsync(failure, cause);
    });

    private async Task FinishTurnAsync(DialogueSession session, Envelope? cause)
    {
        session.StageMs["total"] = Math.Round((time.GetUtcNow() - session.TurnStartedAt).TotalMilliseconds, 1);
        if (session.ExpectsReply && session.IsVoice)
        {
            // A follow-up without a wake word: the STT listens again because the session is started again.
            session.ExpectsReply = false;
            await bus.SessionStartedAsync(new SessionStarted(session.Id, site, session.Mode), cause);
            Listen(session);
            return;
        }

        await EndAsync(session.Understood ? SessionEndReason.Nominal : SessionEndReason.NotRecognized, cause);
    }

    private long Enter(DialogueSession session, DialogueStage stage, TimeSpan? timeout)
    {
        session.Stage = stage;
        var step = ++session.Step;
        if (timeout is { } after)
        {
            var ending = session.Ending.Token;
            _ = Task.Run(async () =>
            {
                try
                {
                    await Task.Delay(after, time, ending);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                await UnderLockAsync(() => _session == session && session.Step == step
                    ? TimedOutAsync(session)
                    : Task.CompletedTask);
            }, CancellationToken.None);
        }

        return step;
    }

    private Task TimedOutAsync(DialogueSession session)
    {
        logger.LogWarning("Session {Session} on {Site} timed out while {Stage}", session.Id, site, session.Stage);
        return EndAsync(SessionEndReason.Timeout, null);
    }

    private async Task EndAsync(string reason, Envelope? cause)
    {
        var session = _session!;
        Volatile.Write(ref _session, null);
        await session.Ending.CancelAsync();
        session.Dispose();
        var ended = new SessionEnded(session.Id, site, reason, session.Transcript, session.Intent, session.Reply, session.StageMs);
        logger.LogInformation("Session {Session} on {Site} ended {Reason}: \"{Transcript}\" -> \"{Reply}\" {Stages}",
            session.Id, site, reason, session.Transcript, session.Reply, string.Join(", ", session.StageMs.Select(s => $"{s.Key}={s.Value}")));
        await bus.SessionEndedAsync(ended, cause);
    }

    private async Task UnderLockAsync(Func<Task> transition)
    {
        await _gate.WaitAsync();
        try
        {
            await transition();
        }
        finally
        {
            _gate.Release();
        }
    }
}
