using System.Text.Json;

namespace Alicia.ConfigService.Tests;

public sealed class ConfigStoreTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("alicia-config-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Loads_valid_files_and_reports_the_others()
    {
        Write("tts", """{"DefaultVoice": "en-gb"} // comments are allowed""");
        Write("stt", """{"WakePhrase": 7}""");
        Write("voice-router", "{ not json");
        Write("toaster", "{}");

        var problems = Store().Load();

        Assert.Equal(3, problems.Count);
        Assert.Contains(problems, p => p.Contains("stt.json: WakePhrase must be a string", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("voice-router.json: not JSON", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("no service is called 'toaster'", StringComparison.Ordinal));
    }

    [Fact]
    public void An_update_is_merged_and_written_to_the_file_without_leftovers()
    {
        Write("tts", """{"DefaultVoice": "en-us", "DefaultRateWpm": 175}""");
        var store = Store();
        store.Load();

        var config = store.Update("tts", JsonElement.Parse("""{"DefaultRateWpm": 220}"""));

        Assert.Equal(220, config.Settings.GetProperty("DefaultRateWpm").GetInt32());
        using var onDisk = JsonDocument.Parse(File.ReadAllText(PathOf("tts")));
        Assert.Equal("en-us", onDisk.RootElement.GetProperty("DefaultVoice").GetString());
        Assert.Equal(220, onDisk.RootElement.GetProperty("DefaultRateWpm").GetInt32());
        Assert.Equal([PathOf("tts")], Directory.GetFiles(_directory));
        Assert.Equal(220, store.Current("tts").Settings.GetProperty("DefaultRateWpm").GetInt32());
    }

    [Fact]
    public void A_refused_update_changes_neither_the_file_nor_the_current_settings()
    {
        Write("tts", """{"DefaultRateWpm": 175}""");
        var store = Store();
        store.Load();
        var before = File.ReadAllBytes(PathOf("tts"));

        var refused = Assert.Throws<InvalidConfigException>(() =>
            store.Update("tts", JsonElement.Parse("""{"DefaultVoice": "en-gb", "DefaultRateWpm": 5}""")));

        Assert.Contains("DefaultRateWpm must be an integer from 80 to 400 (got 5)", refused.Message, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(PathOf("tts")));
        Assert.False(store.Current("tts").Settings.TryGetProperty("DefaultVoice", out _));
    }

    [Fact]
    public void A_service_without_a_file_starts_from_nothing_and_gets_one_on_its_first_update()
    {
        var store = Store();
        store.Load();

        Assert.Equal(JsonValueKind.Object, store.Current("stt").Settings.ValueKind);
        Assert.Empty(store.Current("stt").Settings.EnumerateObject());
        store.Update("stt", JsonElement.Parse("""{"Vad": {"SilenceEndMs": 900}}"""));

        Assert.True(File.Exists(PathOf("stt")));
        Assert.Equal(["stt"], store.Configured.Select(c => c.Service));
    }

    [Fact]
    public void Unknown_services_and_services_with_a_broken_file_are_refused()
    {
        Write("tts", "{ broken");
        var store = Store();
        store.Load();

        Assert.Contains("no service is called 'toaster'",
            Assert.Throws<InvalidConfigException>(() => store.Current("toaster")).Message, StringComparison.Ordinal);
        Assert.Contains("fix the file",
            Assert.Throws<InvalidConfigException>(() => store.Update("tts", JsonElement.Parse("{}"))).Message, StringComparison.Ordinal);
        Assert.Equal("{ broken", File.ReadAllText(PathOf("tts")));
    }

    private ConfigStore Store() => new(_directory, TimeProvider.System);

    private string PathOf(string service) => Path.Combine(_directory, service + ".json");

    private void Write(string service, string json) => File.WriteAllText(PathOf(service), json);
}
