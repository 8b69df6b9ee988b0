using Alicia.Contracts.Voice;
using Alicia.VoiceRouter.Dialogue;
using Alicia.VoiceRouter.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace Alicia.VoiceRouter.Tests;

/// <summary>The per-site state machine without a broker: failures, stale answers and text follow-ups.</summary>
public sealed class SiteDialogueTests : IDisposable
{
    private readonly FakeDialogueBus _bus = new();
    private readonly SiteDialogue _dialogue;

    public SiteDialogueTests() =>
        _dialogue = new SiteDialogue("kitchen", _bus, new VoiceRouterOptions { AiTimeout = TimeSpan.FromMilliseconds(200), TtsTimeout = TimeSpan.FromMilliseconds(200) },
            TimeProvider.System, NullLogger.Instance);

    public void Dispose() => _dialogue.Dispose();

    private static AiResponse Answer(string reply, bool recognized = true, bool expectsReply = false) =>
        new("text", recognized, recognized ? "GetTime" : null, [], recognized ? 1 : 0, reply, [], expectsReply);

    [Fact]
    public async Task A_stale_ai_response_is_ignored()
    {
        await _dialogue.StartTextAsync("what time is it", null);
        var (requestId, text) = Assert.Single(_bus.AiRequests);

        await _dialogue.AiAnsweredAsync("someone-elses-request", Answer("Wrong."), null);
        await _dialogue.AiAnsweredAsync(requestId, Answer("It's 3:07 PM."), null);
        var ended = await _bus.EndedAsync();

        Assert.Equal("what time is it", text);
        Assert.Equal(["It's 3:07 PM."], _bus.Spoken);
        Assert.Equal(SessionEndReason.Nominal, ended.Reason);
        Assert.Equal("It's 3:07 PM.", ended.Reply);
    }

    [Fact]
    public async Task No_ai_response_ends_in_timeout()
    {
        await _dialogue.StartTextAsync("what time is it", null);

        var ended = await _bus.EndedAsync();

        Assert.Equal(SessionEndReason.Timeout, ended.Reason);
        Assert.Empty(_bus.Spoken);
        Assert.Null(_dialogue.SessionId);
    }

    [Fact]
    public async Task A_silent_tts_ends_in_timeout_and_a_failing_one_in_error()
    {
        _bus.Speak = (_, timeout, ct) => Task.Delay(timeout, ct).ContinueWith<TtsResponse>(_ => throw new TimeoutException(), TaskScheduler.Default);
        await _dialogue.StartTextAsync("what time is it", null);
        await _dialogue.AiAnsweredAsync(_bus.AiRequests.Single().RequestId, Answer("It's 3:07 PM."), null);
        Assert.Equal(SessionEndReason.Timeout, (await _bus.EndedAsync()).Reason);

        var failing = new FakeDialogueBus { Speak = (_, _, _) => throw new SpeechFailedException("espeak-ng crashed") };
        using var dialogue = new SiteDialogue("hall", failing, new VoiceRouterOptions(), TimeProvider.System, NullLogger.Instance);
        await dialogue.StartTextAsync("what time is it", null);
        await dialogue.AiAnsweredAsync(failing.AiRequests.Single().RequestId, Answer("It's 3:07 PM."), null);
        Assert.Equal(SessionEndReason.Error, (await failing.EndedAsync()).Reason);
    }

    [Fact]
    public async Task A_text_session_ends_even_when_the_ai_expects_a_reply()
    {
        await _dialogue.StartTextAsync("turn it on", null);
        await _dialogue.AiAnsweredAsync(_bus.AiRequests.Single().RequestId, Answer("Which device should I turn on?", expectsReply: true), null);

        var ended = await _bus.EndedAsync();

        Assert.Equal(SessionEndReason.Nominal, ended.Reason);
        Assert.Single(_bus.Started);
    }

    [Fact]
    public async Task A_transcript_with_no_words_is_apologized_for()
    {
        await _dialogue.WakeAsync(null);
        var session = Assert.Single(_bus.Started).SessionId;

        await _dialogue.TranscriptAsync("another-session", new SttResponse("what time is it", 1, 1, 10), null);
        await _dialogue.TranscriptAsync(session, new SttResponse("", 0, 1.1, 12, Recognized: false), null);
        var ended = await _bus.EndedAsync();

        Assert.Empty(_bus.AiRequests);
        Assert.Equal([new VoiceRouterOptions().NotHeardReply], _bus.Spoken);
        Assert.Equal(SessionEndReason.NotRecognized, ended.Reason);
        Assert.Equal(12, ended.StageMs["stt"]);
    }
}
