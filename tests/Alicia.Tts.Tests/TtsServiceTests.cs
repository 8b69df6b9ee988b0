using System.Text.Json;
using Alicia.Audio;
using Alicia.Bus;
using Alicia.Contracts;
using Alicia.Contracts.Voice;
using Alicia.Testing;
using Alicia.Tts.Tests.Support;

namespace Alicia.Tts.Tests;

/// <summary>The TTS service on a real broker, driven as the voice router and the config service.</summary>
public sealed class TtsServiceTests(TtsFixture fixture) : IClassFixture<TtsFixture>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task A_request_is_answered_with_a_wav_and_the_site_speaker_gets_the_same_bytes()
    {
        var request = await fixture.VoiceRouter.PublishAsync(Topics.Tts.Request, new TtsRequest("The front door is locked."),
            new PublishOptions { SiteId = "hall", SessionId = "s-1", AtLeastOnce = true });
        var answer = await AnswerAsync(request);
        var envelope = Envelope(answer);
        var response = envelope.Payload.Deserialize(ContractsJson.Default.TtsResponse)!;

        Assert.Null(response.Error);
        Assert.Equal("s-1", envelope.SessionId);
        Assert.Equal("hall", envelope.SiteId);
        var wav = Convert.FromBase64String(response.AudioData);
        Assert.Equal(response.AudioSeconds, Wav.Read(wav).Duration.TotalSeconds, 2);
        Assert.True(response.SynthesisMs > 0);

        var speaker = await fixture.Recorder.WaitForTopicAsync(Topics.Tts.Audio("hall"), Timeout);
        Assert.Equal(wav, speaker.Payload);
    }

    [Fact]
    public async Task Without_a_site_nothing_goes_to_a_speaker()
    {
        var request = await fixture.VoiceRouter.PublishAsync(Topics.Tts.Request, new TtsRequest("Nobody hears this."), new PublishOptions { AtLeastOnce = true });
        await AnswerAsync(request);
        var marker = await fixture.VoiceRouter.PublishAsync(Topics.Tts.Request, new TtsRequest("Marker."), new PublishOptions { SiteId = "marker", AtLeastOnce = true });
        await AnswerAsync(marker);
        await fixture.Recorder.WaitForTopicAsync(Topics.Tts.Audio("marker"), Timeout);

        Assert.DoesNotContain(fixture.Recorder.Messages, m => m.Topic.StartsWith("alicia/voice/tts/audio/", StringComparison.Ordinal)
            && m.Topic != Topics.Tts.Audio("marker") && m.Topic != Topics.Tts.Audio("hall"));
    }

    [Theory]
    [InlineData("", null)]
    [InlineData("hello", "en+no-such-variant")]
    public async Task A_request_that_cannot_be_spoken_is_answered_with_the_reason_and_counted(string text, string? voice)
    {
        var before = Rejections();
        var request = await fixture.VoiceRouter.PublishAsync(Topics.Tts.Request, new TtsRequest(text, voice), new PublishOptions { AtLeastOnce = true });
        var response = Envelope(await AnswerAsync(request)).Payload.Deserialize(ContractsJson.Default.TtsResponse)!;

        Assert.Equal("", response.AudioData);
        Assert.False(string.IsNullOrWhiteSpace(response.Error));
        Assert.True(Rejections() > before);
    }

    [Fact]
    public async Task The_default_voice_and_rate_change_live()
    {
        await fixture.ConfigService.PublishAsync(Topics.Config.Of(ServiceNames.Tts),
            JsonSerializer.SerializeToElement(new Dictionary<string, object> { ["DefaultVoice"] = "en-gb", ["DefaultRateWpm"] = 220 }),
            new PublishOptions { Retain = true, Ttl = Alicia.Contracts.Envelope.NeverExpires });
        try
        {
            var deadline = DateTime.UtcNow + Timeout;
            TtsResponse response;
            do
            {
                Assert.True(DateTime.UtcNow < deadline, "the new default voice was never used");
                var request = await fixture.VoiceRouter.PublishAsync(Topics.Tts.Request, new TtsRequest("Which voice is this?"), new PublishOptions { AtLeastOnce = true });
                response = Envelope(await AnswerAsync(request)).Payload.Deserialize(ContractsJson.Default.TtsResponse)!;
            }
            while (response.Voice != "en-gb");

            Assert.Null(response.Error);
        }
        finally
        {
            await fixture.ConfigService.PublishAsync(Topics.Config.Of(ServiceNames.Tts),
                JsonSerializer.SerializeToElement(new Dictionary<string, object> { ["DefaultVoice"] = "en-us", ["DefaultRateWpm"] = 175 }),
                new PublishOptions { Retain = true, Ttl = Alicia.Contracts.Envelope.NeverExpires });
        }
    }

    private long Rejections() =>
        fixture.Tts.Bus.Metrics.RejectionsByReason.TryGetValue("invalid_request", out var counter) ? counter.Value : 0;

    private Task<ReceivedMessage> AnswerAsync(Envelope request) =>
        fixture.Recorder.WaitForAsync(m => m.Topic == Topics.Tts.Response && Envelope(m).CorrelationId == request.MessageId, Timeout);

    private static Envelope Envelope(ReceivedMessage message) =>
        JsonSerializer.Deserialize(message.Payload, ContractsJson.Default.Envelope)!;
}
