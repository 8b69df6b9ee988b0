using System.Text.Json;

namespace Alicia.ConfigService.Tests;

public sealed class SettingsMergeTests
{
    [Fact]
    public void Replaces_given_values_keeps_the_others_and_adds_new_ones()
    {
        var merged = Merge("""{"DefaultVoice": "en-us", "DefaultRateWpm": 175}""", """{"defaultratewpm": 200, "DefaultVolume": 50}""");

        Assert.Equal("""{"DefaultVoice":"en-us","DefaultRateWpm":200,"DefaultVolume":50}""", merged);
    }

    [Fact]
    public void Merges_objects_key_by_key_and_null_removes()
    {
        var merged = Merge("""{"WakePhrase": "hey alicia", "Vad": {"SilenceEndMs": 600, "SpeechStartMs": 300}}""",
            """{"WakePhrase": null, "Vad": {"SilenceEndMs": 900, "Unset": null}, "New": {"Gone": null, "Kept": 1}}""");

        Assert.Equal("""{"Vad":{"SilenceEndMs":900,"SpeechStartMs":300},"New":{"Kept":1}}""", merged);
    }

    private static string Merge(string current, string update) =>
        JsonSerializer.Serialize(SettingsMerge.Apply(JsonElement.Parse(current), JsonElement.Parse(update)), Alicia.Contracts.ContractsJson.Default.JsonElement);
}
