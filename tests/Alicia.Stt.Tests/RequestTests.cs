using Alicia.Bus;
using Alicia.Contracts;
using Alicia.Contracts.Voice;
using Alicia.Stt.Tests.Support;

namespace Alicia.Stt.Tests;

/// <summary>Whole utterances on alicia/voice/stt/request, answered on response or error.</summary>
[Collection(SpeechServicesDefinition.Name)]
public sealed class RequestTests(SpeechServicesFixture services)
{
    [Fact]
    public async Task A_sentence_said_by_the_tts_service_is_heard_back_with_the_request_session_and_site()
    {
        const string sentence = "turn on the kitchen light";
        var say = await services.VoiceRouter.PublishAsync(Topics.Tts.Request, new TtsRequest(sentence),
            new PublishOptions { SiteId = "hall", SessionId = "round-trip", AtLeastOnce = true });
        var spoken = Recorded.Payload(await services.Recorder.AnswerAsync(Topics.Tts.Response, say), ContractsJson.Default.TtsResponse);
        Assert.Null(spoken.Error);

        var hear = await services.VoiceRouter.PublishAsync(Topics.Stt.Request, new SttRequest(spoken.AudioData),
            new PublishOptions { SiteId = "hall", SessionId = "round-trip", AtLeastOnce = true });
        var answer = await services.Recorder.AnswerAsync(Topics.Stt.Response, hear);
        var envelope = Recorded.Envelope(answer);
        var transcript = Recorded.Payload(answer, ContractsJson.Default.SttResponse);

        Assert.Equal(sentence, transcript.Text);
        Assert.True(transcript.Recognized);
        Assert.InRange(transcript.Confidence, 0, 1);
        Assert.Equal(spoken.AudioSeconds, transcript.AudioSeconds, 1);
        Assert.Equal("round-trip", envelope.SessionId);
        Assert.Equal("hall", envelope.SiteId);
        Assert.Equal(ServiceNames.Stt, envelope.Source);
    }

    [Fact]
    public async Task Bad_audio_is_answered_on_the_error_topic_and_the_next_good_request_is_still_answered()
    {
        var good = Voice.Wav(Voice.Join(Voice.Silence(300), Voice.Say("what time is it"), Voice.Silence(300)));
        var cases = new (string Reason, string AudioData)[]
        {
            (SttErrorReasons.InvalidBase64, "this is %% not base64"),
            (SttErrorReasons.NotWav, Convert.ToBase64String("just some text, no audio here"u8.ToArray())),
            (SttErrorReasons.Truncated, Convert.ToBase64String(good.AsSpan(0, good.Length / 2).ToArray())),
            (SttErrorReasons.EmptyAudio, ""),
            (SttErrorReasons.NoSpeech, Convert.ToBase64String(Voice.Wav(Voice.Silence(1000)))),
        };

        foreach (var (reason, audio) in cases)
        {
            var request = await services.VoiceRouter.PublishAsync(Topics.Stt.Request, new SttRequest(audio), new PublishOptions { AtLeastOnce = true });
            var error = Recorded.Payload(await services.Recorder.AnswerAsync(Topics.Stt.Error, request), ContractsJson.Default.SttError);
            Assert.Equal(reason, error.Reason);
            Assert.False(string.IsNullOrWhiteSpace(error.Detail));
        }

        var next = await services.VoiceRouter.PublishAsync(Topics.Stt.Request, new SttRequest(Convert.ToBase64String(good)), new PublishOptions { AtLeastOnce = true });
        var transcript = Recorded.Payload(await services.Recorder.AnswerAsync(Topics.Stt.Response, next), ContractsJson.Default.SttResponse);
        Assert.Equal("what time is it", transcript.Text);
        Assert.True(services.Stt.Bus.Metrics.RejectionsByReason[SttErrorReasons.InvalidBase64].Value >= 1);
        Assert.True(services.Stt.Bus.Metrics.RejectionsByReason[SttErrorReasons.Truncated].Value >= 1);
    }

    [Fact]
    public async Task A_wav_header_that_claims_more_data_than_it_has_is_refused_as_truncated()
    {
        var wav = Voice.Wav(Voice.Say("stop"));
        // Lie in the data chunk's length: claim a megabyte more than the file holds.
        BitConverter.TryWriteBytes(wav.AsSpan(40, 4), BitConverter.ToInt32(wav, 40) + 1_000_000);
        var request = await services.VoiceRouter.PublishAsync(Topics.Stt.Request, new SttRequest(Convert.ToBase64String(wav)), new PublishOptions { AtLeastOnce = true });
        var error = Recorded.Payload(await services.Recorder.AnswerAsync(Topics.Stt.Error, request), ContractsJson.Default.SttError);
        Assert.Equal(SttErrorReasons.Truncated, error.Reason);
    }
}
