using System.Collections.Concurrent;
using Alicia.Bus;
using Alicia.Contracts;
using Alicia.Contracts.Devices;
using Alicia.Contracts.Voice;
using Alicia.Testing;
using Alicia.VoiceRouter.Dialogue;
using Alicia.VoiceRouter.Tests.Support;
using Xunit.Abstractions;

namespace Alicia.VoiceRouter.Tests;

/// <summary>
/// Whole dialogue sessions through a real mosquitto: the router and the real AI service, with the STT,
/// the TTS, the command line and the device registry played by clients with their real identities.
/// </summary>
public sealed class VoiceSessionTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);
    private readonly ConcurrentQueue<BusMessage<TtsRequest>> _spoken = new();
    private MosquittoBroker _broker = null!;
    private MessageRecorder _voice = null!;
    private BusClient _stt = null!;
    private BusClient _tts = null!;
    private BusClient _cli = null!;

    public async Task InitializeAsync()
    {
        _broker = await MosquittoBroker.StartAsync();
        _voice = await MessageRecorder.StartAsync(_broker, "cli", ["alicia/voice/#"]);
        _stt = await TestClients.StartedAsync(_broker, ServiceNames.Stt);
        _cli = await TestClients.StartedAsync(_broker, ServiceNames.Cli);
        _tts = await TestClients.StartedAsync(_broker, ServiceNames.Tts, bus =>
            bus.OnCommand<TtsRequest, TtsResponse>(Topics.Tts.Request, (m, _) =>
            {
                _spoken.Enqueue(m);
                return Task.FromResult(new TtsResponse("UklGRgAAAABXQVZF", 1.5, 9.5, "en-us"));
            }));
    }

    public async Task DisposeAsync()
    {
        await _tts.StopAsync();
        await _cli.StopAsync();
        await _stt.StopAsync();
        await _voice.DisposeAsync();
        await _broker.DisposeAsync();
    }

    [Fact]
    public async Task A_text_session_goes_through_the_ai_and_the_tts_and_ends_nominal()
    {
        await using var host = await VoiceHost.StartAsync(_broker);

        await _cli.PublishAsync(Topics.Session.Start("kitchen"), new SessionStart("What's the weather like today?"), new PublishOptions { AtLeastOnce = true });
        var started = (await _voice.WaitForTopicAsync(Topics.Session.Started("kitchen"), Wait)).Payload<SessionStarted>();
        var ended = await EndedAsync(started.SessionId);

        Assert.Equal(("kitchen", SessionMode.Text), (started.Site, started.Mode));
        Assert.Equal(SessionEndReason.Nominal, ended.Reason);
        Assert.Equal("What's the weather like today?", ended.Transcript);
        Assert.Equal("GetWeather", ended.Intent);
        Assert.Equal("Weather isn't configured yet.", ended.Reply);
        Assert.Equal(["ai", "total", "tts"], ended.StageMs.Keys.Order());
        var spoken = Assert.Single(_spoken);
        Assert.Equal("Weather isn't configured yet.", spoken.Payload.Text);
        Assert.Equal(("kitchen", started.SessionId), (spoken.SiteId, spoken.SessionId));
        var request = _voice.Messages.Single(m => m.Topic == Topics.Ai.Request).Envelope();
        var response = _voice.Messages.Single(m => m.Topic == Topics.Ai.Response).Envelope();
        Assert.Equal(request.MessageId, response.CorrelationId);
        Assert.Equal((started.SessionId, "kitchen"), (request.SessionId, request.SiteId));
        output.WriteLine($"text session stages (ms): {string.Join(", ", ended.StageMs.Select(s => $"{s.Key}={s.Value}"))}");
    }

    [Fact]
    public async Task A_voice_session_follows_wake_and_transcript()
    {
        await using var host = await VoiceHost.StartAsync(_broker);

        var session = await WakeAsync("living-room");
        // The VAD closed the utterance 200 ms before the transcript is sent.
        var closed = Envelope.UnixSeconds(DateTimeOffset.UtcNow) - 0.2;
        await TranscriptAsync(session, "living-room", "what time is it", speechEndedAt: closed - 0.35, utteranceClosedAt: closed);
        var ended = await EndedAsync(session.SessionId);

        Assert.Equal(SessionMode.Voice, session.Mode);
        Assert.Equal(SessionEndReason.Nominal, ended.Reason);
        Assert.Equal("GetTime", ended.Intent);
        Assert.StartsWith("It's ", ended.Reply, StringComparison.Ordinal);
        Assert.Equal(["ai", "stt", "total", "tts", "vad_end"], ended.StageMs.Keys.Order());
        // A streamed utterance's STT stage runs from the VAD's decision to the transcript's arrival, not the decode time (17 ms).
        Assert.InRange(ended.StageMs["stt"], 200, 5000);
        Assert.InRange(ended.StageMs["vad_end"], 349, 351);
        Assert.Equal("living-room", Assert.Single(_spoken).SiteId);
        output.WriteLine($"voice session stages (ms): {string.Join(", ", ended.StageMs.Select(s => $"{s.Key}={s.Value}"))}");
    }

    [Fact]
    public async Task Words_the_ai_does_not_know_end_not_recognized_with_an_apology()
    {
        await using var host = await VoiceHost.StartAsync(_broker);

        var session = await WakeAsync("kitchen");
        await TranscriptAsync(session, "kitchen", "bake me a cake");
        var ended = await EndedAsync(session.SessionId);

        Assert.Equal(SessionEndReason.NotRecognized, ended.Reason);
        Assert.Equal("Sorry, I didn't understand that.", ended.Reply);
        Assert.Equal("Sorry, I didn't understand that.", Assert.Single(_spoken).Payload.Text);
    }

    [Fact]
    public async Task A_new_wake_aborts_the_open_session()
    {
        await using var host = await VoiceHost.StartAsync(_broker);

        var first = await WakeAsync("kitchen");
        var second = await WakeAsync("kitchen");
        var aborted = await EndedAsync(first.SessionId);
        await TranscriptAsync(second, "kitchen", "what's the date");
        var ended = await EndedAsync(second.SessionId);

        Assert.NotEqual(first.SessionId, second.SessionId);
        Assert.Equal(SessionEndReason.Aborted, aborted.Reason);
        Assert.Equal(SessionEndReason.Nominal, ended.Reason);
        Assert.Equal("GetDate", ended.Intent);
    }

    [Fact]
    public async Task A_session_times_out_when_the_stt_never_answers()
    {
        await using var host = await VoiceHost.StartAsync(_broker, new Dictionary<string, string?>
        {
            ["Services:voice-router:ListenTimeout"] = "00:00:00.300",
            ["Services:voice-router:SttTimeout"] = "00:00:00.200",
        });

        var session = await WakeAsync("kitchen");
        var ended = await EndedAsync(session.SessionId);

        Assert.Equal(SessionEndReason.Timeout, ended.Reason);
        Assert.Null(ended.Transcript);
        Assert.False(_voice.HasReceived(Topics.Ai.Request));
        Assert.Empty(_spoken);
    }

    [Fact]
    public async Task An_stt_error_ends_the_session_with_error()
    {
        await using var host = await VoiceHost.StartAsync(_broker);

        var session = await WakeAsync("kitchen");
        await _stt.PublishAsync(Topics.Stt.Error, new SttError("decoder", "no speech model"),
            new PublishOptions { SessionId = session.SessionId, SiteId = "kitchen", AtLeastOnce = true });
        var ended = await EndedAsync(session.SessionId);

        Assert.Equal(SessionEndReason.Error, ended.Reason);
        Assert.Empty(_spoken);
    }

    [Fact]
    public async Task Satellites_of_a_group_waking_together_get_one_session_and_one_reply()
    {
        await using var host = await VoiceHost.StartAsync(_broker, new Dictionary<string, string?>
        {
            ["Services:voice-router:SiteGroups:downstairs:0"] = "kitchen",
            ["Services:voice-router:SiteGroups:downstairs:1"] = "living-room",
        });

        var session = await WakeAsync("kitchen");
        await _stt.PublishAsync(Topics.Wake.Detected("living-room"), new WakeDetected("living-room", "alicia", Envelope.UnixSeconds(DateTimeOffset.UtcNow)),
            new PublishOptions { AtLeastOnce = true });
        await TranscriptAsync(session, "kitchen", "what time is it");
        await EndedAsync(session.SessionId);

        // The later wake was handled before the transcript (one connection, in order), so by now it would have shown.
        Assert.False(_voice.HasReceived(Topics.Session.Started("living-room")));
        Assert.Equal("kitchen", Assert.Single(_spoken).SiteId);
        Assert.Single(_voice.Messages, m => m.Topic.EndsWith("/ended", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_question_reopens_listening_in_the_same_session()
    {
        await using var host = await VoiceHost.StartAsync(_broker);
        var commands = new ConcurrentQueue<DeviceCommand>();
        var registry = await TestClients.StartedAsync(_broker, ServiceNames.DeviceRegistry, bus =>
            bus.OnCommand<DeviceCommand, CommandResult>(Topics.Command.Execute, (m, _) =>
            {
                commands.Enqueue(m.Payload);
                return Task.FromResult(new CommandResult(m.Payload.DeviceId, m.Payload.Action, true));
            }));
        await registry.PublishAsync(Topics.Devices.List,
            new DeviceList([new DeviceInfo("kitchen_light", "Kitchen Light", "light", ["kitchen light"], "kitchen")]),
            new PublishOptions { Retain = true, Ttl = Envelope.NeverExpires });
        await _voice.WaitForAsync(m => m.Topic == Topics.Ai.Grammar && m.Payload<AiGrammar>().Words.Contains("kitchen"), Wait);

        var session = await WakeAsync("kitchen");
        await TranscriptAsync(session, "kitchen", "turn it on");
        var reopened = await _voice.WaitForAsync(m => m.Topic == Topics.Session.Started("kitchen") && m.Payload<SessionStarted>().SessionId == session.SessionId
            && _voice.Messages.Count(x => x.Topic == Topics.Session.Started("kitchen")) == 2, Wait);
        await TranscriptAsync(session, "kitchen", "the kitchen light");
        var ended = await EndedAsync(session.SessionId);

        Assert.Equal(SessionMode.Voice, reopened.Payload<SessionStarted>().Mode);
        Assert.Equal(["Which device should I turn on?", "Turning on the kitchen light."], _spoken.Select(s => s.Payload.Text));
        Assert.Equal(SessionEndReason.Nominal, ended.Reason);
        Assert.Equal("TurnOn", ended.Intent);
        Assert.Equal([new DeviceCommand("kitchen_light", DeviceActions.TurnOn)], commands);
        await registry.StopAsync();
    }

    [Fact]
    public async Task A_tts_answering_with_events_is_understood_and_its_errors_end_the_session()
    {
        // The TTS service's own style: the request handled as an event, a TtsResponse event with the
        // request id as correlation id on alicia/voice/tts/response, and Error set when it cannot speak.
        await _tts.StopAsync();
        _tts = await TestClients.StartedAsync(_broker, ServiceNames.Tts, bus =>
            bus.OnEvent<TtsRequest>(Topics.Tts.Request, async (m, ct) =>
            {
                _spoken.Enqueue(m);
                var response = m.Payload.Text.Contains("weather", StringComparison.OrdinalIgnoreCase)
                    ? new TtsResponse("", 0, 0, "en-us", "voice 'en-us' is not installed")
                    : new TtsResponse("UklGRgAAAABXQVZF", 1.5, 9.5, "en-us");
                await bus.PublishAsync(Topics.Tts.Response, response, new PublishOptions { CausedBy = m.Envelope, CorrelationId = m.Envelope.MessageId }, ct);
            }));
        await using var host = await VoiceHost.StartAsync(_broker);

        var good = await WakeAsync("kitchen");
        await TranscriptAsync(good, "kitchen", "what time is it");
        var spoken = await EndedAsync(good.SessionId);
        var bad = await WakeAsync("kitchen");
        await TranscriptAsync(bad, "kitchen", "what's the weather");
        var failed = await EndedAsync(bad.SessionId);

        Assert.Equal(SessionEndReason.Nominal, spoken.Reason);
        Assert.Contains("tts", spoken.StageMs.Keys);
        Assert.Equal(SessionEndReason.Error, failed.Reason);
        Assert.Equal(2, _spoken.Count);
    }

    private async Task<SessionStarted> WakeAsync(string site)
    {
        var before = _voice.Messages.Count(m => m.Topic == Topics.Session.Started(site));
        await _stt.PublishAsync(Topics.Wake.Detected(site), new WakeDetected(site, "alicia", Envelope.UnixSeconds(DateTimeOffset.UtcNow)),
            new PublishOptions { AtLeastOnce = true, SiteId = site });
        await _voice.WaitForAsync(m => m.Topic == Topics.Session.Started(site) && _voice.Messages.Count(x => x.Topic == Topics.Session.Started(site)) > before, Wait);
        return _voice.Messages.Where(m => m.Topic == Topics.Session.Started(site)).Skip(before).First().Payload<SessionStarted>();
    }

    private async Task TranscriptAsync(SessionStarted session, string site, string text, double? speechEndedAt = null, double? utteranceClosedAt = null) =>
        await _stt.PublishAsync(Topics.Stt.Response, new SttResponse(text, 0.9, 1.2, 17, true, speechEndedAt, utteranceClosedAt),
            new PublishOptions { SessionId = session.SessionId, SiteId = site, AtLeastOnce = true, Priority = MessagePriority.Interactive });

    private async Task<SessionEnded> EndedAsync(string sessionId) =>
        (await _voice.WaitForAsync(m => m.Topic.EndsWith("/ended", StringComparison.Ordinal) && m.Payload<SessionEnded>().SessionId == sessionId, Wait))
        .Payload<SessionEnded>();
}
