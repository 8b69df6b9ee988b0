using System.Text.Json;

namespace Alicia.ConfigService.Tests;

public sealed class ConfigSchemaTests
{
    [Theory]
    [InlineData("tts", """{"DefaultVoice": "en-gb", "DefaultRateWpm": 200, "DefaultVolume": 0}""")]
    [InlineData("tts", """{"defaultratewpm": 400}""")]
    [InlineData("stt", """{"WakePhrase": "hey alicia", "WakeThreshold": 1e-30, "Vad": {"SilenceEndMs": 800}}""")]
    [InlineData("voice-router", """{"ListenTimeout": "00:00:08", "AiTimeout": "00:00:00.500"}""")]
    [InlineData("ai", """{"anything": {"goes": [1, 2]}}""")]
    [InlineData("tts", "{}")]
    public void Accepts_known_settings_in_range(string service, string json)
    {
        Assert.Empty(ConfigSchemas.For(service).Problems(JsonElement.Parse(json), allowRemovals: false));
    }

    [Theory]
    [InlineData("tts", """{"DefaultRateWpm": 1000}""", "DefaultRateWpm must be an integer from 80 to 400 (got 1000)")]
    [InlineData("tts", """{"DefaultRateWpm": 175.5}""", "DefaultRateWpm must be an integer")]
    [InlineData("tts", """{"DefaultVolume": "loud"}""", "DefaultVolume must be an integer from 0 to 200 (got \"loud\")")]
    [InlineData("tts", """{"Speed": 3}""", "Speed is not a setting it takes (known: DefaultRateWpm, DefaultVoice, DefaultVolume)")]
    [InlineData("tts", """{"DefaultVoice": ""}""", "DefaultVoice must be a string of 1 to 64 characters")]
    [InlineData("stt", """{"WakePhrase": "x"}""", "WakePhrase must be a string of 2 to 40 characters")]
    [InlineData("stt", """{"WakeThreshold": 0.5}""", "WakeThreshold must be a number from 1E-50 to 0.1 (got 0.5)")]
    [InlineData("stt", """{"Vad": {"SilenceEndMs": 100}}""", "Vad:SilenceEndMs must be an integer from 300 to 2000 (got 100)")]
    [InlineData("stt", """{"Vad": {"FrameMs": 10}}""", "Vad:FrameMs is not a setting it takes")]
    [InlineData("stt", """{"Vad": 5}""", "Vad is not a setting it takes")]
    [InlineData("tts", """{"DefaultVoice": "a", "defaultvoice": "b"}""", "defaultvoice is given twice")]
    [InlineData("voice-router", """{"SttTimeout": "00:05:00"}""", "SttTimeout must be a duration from 00:00:00.5000000 to 00:01:00 (hh:mm:ss) (got \"00:05:00\")")]
    [InlineData("voice-router", """{"TtsTimeout": 5}""", "TtsTimeout must be a duration")]
    [InlineData("tts", """[1]""", "settings must be a JSON object (got array)")]
    [InlineData("tts", """{"DefaultVoice": null}""", "DefaultVoice must be a string")]
    public void Names_the_setting_and_the_rule_it_breaks(string service, string json, string expected)
    {
        var problems = ConfigSchemas.For(service).Problems(JsonElement.Parse(json), allowRemovals: false);

        Assert.Contains(problems, p => p.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void An_update_may_remove_a_known_setting_but_not_an_unknown_one()
    {
        var schema = ConfigSchemas.For("tts");

        Assert.Empty(schema.Problems(JsonElement.Parse("""{"DefaultVoice": null}"""), allowRemovals: true));
        Assert.Single(schema.Problems(JsonElement.Parse("""{"Speed": null}"""), allowRemovals: true));
    }
}
