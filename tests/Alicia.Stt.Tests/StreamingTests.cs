using Alicia.Bus;
using Alicia.Contracts;
using Alicia.Contracts.Voice;
using Alicia.Stt.Tests.Support;
using Alicia.Testing;

namespace Alicia.Stt.Tests;

/// <summary>Microphone audio streamed per site: wake word outside sessions, transcribed commands inside them.</summary>
[Collection(SpeechServicesDefinition.Name)]
public sealed class StreamingTests(SpeechServicesFixture services)
{
    [Fact]
    public async Task The_wake_phrase_fires_once_on_its_site_and_speech_without_it_fires_nothing()
    {
        var woken = Voice.Join(
            Voice.Silence(500), Voice.Say("turn on the kitchen light"), Voice.Silence(700),
            Voice.Say("hey alicia"), Voice.Silence(500), Voice.Say("what time is it"), Voice.Silence(1000));
        var quiet = Voice.Join(
            Voice.Silence(500), Voice.Say("turn on the kitchen light"), Voice.Silence(700),
            Voice.Say("what is the weather like today"), Voice.Silence(1000));

        await Task.WhenAll(services.StreamAsync("porch", woken), services.StreamAsync("attic", quiet));
        var wake = await services.Recorder.WaitForTopicAsync(Topics.Wake.Detected("porch"), TimeSpan.FromSeconds(20));

        // Both sites have all their audio; give the workers time to get through it before counting.
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Single(services.Recorder.Messages, m => m.Topic == Topics.Wake.Detected("porch"));
        Assert.DoesNotContain(services.Recorder.Messages, m => m.Topic == Topics.Wake.Detected("attic"));
        var detected = Recorded.Payload(wake, ContractsJson.Default.WakeDetected);
        Assert.Equal("porch", detected.Site);
        Assert.Equal("hey alicia", detected.Phrase);
        Assert.Equal("porch", Recorded.Envelope(wake).SiteId);
    }

    [Fact]
    public async Task In_a_session_a_streamed_command_is_transcribed_with_the_session_id_and_the_wake_word_is_not_spotted()
    {
        const string site = "kitchen";
        const string command = "turn off the bedroom light";
        await services.VoiceRouter.PublishAsync(Topics.Session.Started(site), new SessionStarted("session-42", site, "voice"),
            new PublishOptions { SessionId = "session-42", SiteId = site, AtLeastOnce = true });
        await Task.Delay(500);

        await services.StreamAsync(site, Voice.Join(
            Voice.Silence(500), Voice.Say("hey alicia"), Voice.Silence(1000), Voice.Say(command), Voice.Silence(1200)));

        var answer = await services.Recorder.WaitForAsync(
            m => m.Topic == Topics.Stt.Response && Recorded.Envelope(m).SessionId == "session-42"
                && Recorded.Payload(m, ContractsJson.Default.SttResponse).Text == command,
            TimeSpan.FromSeconds(20));
        var envelope = Recorded.Envelope(answer);
        var transcript = Recorded.Payload(answer, ContractsJson.Default.SttResponse);
        Assert.Equal(site, envelope.SiteId);
        Assert.NotNull(transcript.SpeechEndedAt);
        Assert.NotNull(transcript.UtteranceClosedAt);
        Assert.True(transcript.SpeechEndedAt < transcript.UtteranceClosedAt);
        Assert.DoesNotContain(services.Recorder.Messages, m => m.Topic == Topics.Wake.Detected(site));

        await services.VoiceRouter.PublishAsync(Topics.Session.Ended(site),
            new SessionEnded("session-42", site, SessionEndReason.Nominal, command, null, null, new Dictionary<string, double>()),
            new PublishOptions { SessionId = "session-42", SiteId = site, AtLeastOnce = true });
    }

    [Fact]
    public async Task A_text_session_does_not_listen()
    {
        const string site = "study";
        await services.VoiceRouter.PublishAsync(Topics.Session.Started(site), new SessionStarted("typed-1", site, "text"),
            new PublishOptions { SessionId = "typed-1", SiteId = site, AtLeastOnce = true });
        await Task.Delay(500);
        await services.StreamAsync(site, Voice.Join(Voice.Silence(300), Voice.Say("what time is it"), Voice.Silence(1200), Voice.Say("hey alicia"), Voice.Silence(800)));

        // The wake word is still spotted (the site is not in a listening session) and nothing is transcribed for it.
        await services.Recorder.WaitForTopicAsync(Topics.Wake.Detected(site), TimeSpan.FromSeconds(20));
        Assert.DoesNotContain(services.Recorder.Messages, m => m.Topic == Topics.Stt.Response && Recorded.Envelope(m).SessionId == "typed-1");
    }
}
