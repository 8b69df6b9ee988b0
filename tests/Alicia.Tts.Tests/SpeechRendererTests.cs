using Alicia.Audio;
using Alicia.Contracts.Voice;
using Alicia.Speech;

namespace Alicia.Tts.Tests;

/// <summary>Requests to WAV with the real espeak-ng, and the requests it must refuse.</summary>
public sealed class SpeechRendererTests
{
    private static readonly SpeechRenderer Renderer = new(new EspeakSynthesizer());
    private static readonly TtsOptions Defaults = new();

    [Fact]
    public void A_sentence_becomes_a_wav_file_of_speech_in_the_default_voice()
    {
        var speech = Renderer.Render(new TtsRequest("The kitchen light is on."), Defaults);
        var clip = Wav.Read(speech.Wav);
        Assert.Equal("en-us", speech.Voice);
        Assert.InRange(clip.Duration.TotalSeconds, 0.8, 4);
        Assert.Equal(clip.Duration, speech.Duration);
        Assert.NotEmpty(VoiceActivityDetector.Trim(clip).Samples);
    }

    [Fact]
    public void Voice_and_rate_of_the_request_are_used()
    {
        var slow = Renderer.Render(new TtsRequest("set a timer for five minutes", "en-gb", 120), Defaults);
        var fast = Renderer.Render(new TtsRequest("set a timer for five minutes", "en-gb", 300), Defaults);
        Assert.Equal("en-gb", slow.Voice);
        Assert.True(slow.Duration > fast.Duration * 1.5, $"{slow.Duration} at 120 wpm vs {fast.Duration} at 300 wpm");
    }

    [Fact]
    public void Long_text_is_spoken_whole()
    {
        var text = string.Join(' ', Enumerable.Repeat("This sentence is one of many in a long announcement.", 20));
        var speech = Renderer.Render(new TtsRequest(text), Defaults);
        Assert.True(speech.Duration > TimeSpan.FromSeconds(30), $"only {speech.Duration}");
    }

    [Theory]
    [InlineData("", "no text")]
    [InlineData("   ", "no text")]
    [InlineData("?!... ---", "no words")]
    public void Text_without_words_is_refused(string text, string reason)
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => Renderer.Render(new TtsRequest(text), Defaults));
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_longer_than_the_limit_is_refused() =>
        Assert.Contains("at most 10", Assert.ThrowsAny<ArgumentException>(() =>
            Renderer.Render(new TtsRequest("far too long for ten"), new TtsOptions { MaxTextLength = 10 })).Message, StringComparison.Ordinal);

    [Fact]
    public void An_unknown_voice_variant_is_refused() =>
        Assert.Contains("nosuchvariant", Assert.ThrowsAny<ArgumentException>(() => Renderer.Render(new TtsRequest("hello", "en+nosuchvariant"), Defaults)).Message, StringComparison.Ordinal);

    [Theory]
    [InlineData(10, null)]
    [InlineData(5000, null)]
    [InlineData(null, 900)]
    public void Absurd_rates_and_volumes_are_refused(int? rate, int? volume) =>
        Assert.ThrowsAny<ArgumentException>(() => Renderer.Render(new TtsRequest("hello", null, rate, volume), Defaults));

    [Fact]
    public void The_validator_names_the_wrong_setting()
    {
        var result = new TtsOptionsValidator().Validate(null, new TtsOptions { DefaultRateWpm = 5, DefaultVoice = "" });
        Assert.True(result.Failed);
        Assert.Contains("Services:tts:DefaultRateWpm", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Services:tts:DefaultVoice", result.FailureMessage, StringComparison.Ordinal);
    }
}
