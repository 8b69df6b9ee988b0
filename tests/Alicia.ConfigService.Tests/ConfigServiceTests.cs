using System.Text.Json;
using Alicia.Bus;
using Alicia.Contracts;
using Alicia.Contracts.Platform;
using Alicia.Contracts.Voice;
using Alicia.ServiceTesting;
using Alicia.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Alicia.ConfigService.Tests;

/// <summary>The config service against a real mosquitto, with a service that applies its settings live.</summary>
public sealed class ConfigServiceTests(BrokerFixture fixture) : IClassFixture<BrokerFixture>, IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);
    private readonly string _directory = Directory.CreateTempSubdirectory("alicia-config-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task An_update_is_persisted_published_and_changes_what_the_service_does()
    {
        var broker = fixture.Broker;
        WriteFile("tts", """{"DefaultVoice": "en-us", "DefaultRateWpm": 175}""");
        await using var config = await StartConfigServiceAsync();
        await using var tts = await StartFakeTtsAsync();
        await using var cli = await ServiceHosts.StartClientAsync(broker, "cli");
        Assert.Equal("en-us", (await SpeakAsync(cli)).Voice);

        var result = await cli.SendCommandAsync<ConfigUpdate, ServiceConfig>(Topics.Config.Update,
            new ConfigUpdate("tts", JsonElement.Parse("""{"DefaultVoice": "en-gb"}""")));

        Assert.Equal("en-gb", result.Settings.GetProperty("DefaultVoice").GetString());
        Assert.Equal(175, result.Settings.GetProperty("DefaultRateWpm").GetInt32());
        await SpeaksWithAsync(cli, "en-gb");
        using (var onDisk = JsonDocument.Parse(File.ReadAllText(FileOf("tts"))))
        {
            Assert.Equal("en-gb", onDisk.RootElement.GetProperty("DefaultVoice").GetString());
        }

        var retained = await RetainedSettingsAsync("tts");
        Assert.Equal("en-gb", retained.GetProperty("DefaultVoice").GetString());
    }

    [Fact]
    public async Task An_invalid_update_is_refused_with_the_reason_and_changes_nothing()
    {
        var broker = fixture.Broker;
        WriteFile("tts", """{"DefaultVoice": "en-us", "DefaultRateWpm": 175}""");
        await using var config = await StartConfigServiceAsync();
        await using var tts = await StartFakeTtsAsync();
        await using var cli = await ServiceHosts.StartClientAsync(broker, "cli");
        var service = tts.Services.GetServices<IHostedService>().OfType<FakeTtsService>().Single();
        await Eventually.HoldsAsync(() => service.Applied >= 1, Wait, "tts to get its retained settings");
        var fileBefore = File.ReadAllBytes(FileOf("tts"));
        var appliedBefore = service.Applied;

        var refused = await Assert.ThrowsAsync<CommandRejectedException>(() =>
            cli.SendCommandAsync<ConfigUpdate, ServiceConfig>(Topics.Config.Update,
                new ConfigUpdate("tts", JsonElement.Parse("""{"DefaultVoice": "en-gb", "DefaultRateWpm": 1000}"""))));

        Assert.Contains("DefaultRateWpm must be an integer from 80 to 400 (got 1000)", refused.Message, StringComparison.Ordinal);
        Assert.Equal(fileBefore, File.ReadAllBytes(FileOf("tts")));
        Assert.Equal("en-us", (await RetainedSettingsAsync("tts")).GetProperty("DefaultVoice").GetString());
        Assert.Equal("en-us", (await SpeakAsync(cli)).Voice);
        Assert.Equal(appliedBefore, service.Applied);
    }

    [Fact]
    public async Task A_config_request_is_answered_with_the_current_settings_or_the_reason_it_cannot_be()
    {
        var broker = fixture.Broker;
        WriteFile("voice-router", """{"ListenTimeout": "00:00:07"}""");
        await using var config = await StartConfigServiceAsync();
        await using var cli = await ServiceHosts.StartClientAsync(broker, "cli");

        var router = await cli.QueryAsync<ConfigRequest, ServiceConfig>(Topics.Config.Request, new ConfigRequest("voice-router"));
        var stt = await cli.QueryAsync<ConfigRequest, ServiceConfig>(Topics.Config.Request, new ConfigRequest("stt"));
        var unknown = await Assert.ThrowsAsync<CommandFailedException>(() =>
            cli.QueryAsync<ConfigRequest, ServiceConfig>(Topics.Config.Request, new ConfigRequest("toaster")));

        Assert.Equal("00:00:07", router.Settings.GetProperty("ListenTimeout").GetString());
        Assert.True(router.UpdatedAt > 0);
        Assert.Empty(stt.Settings.EnumerateObject());
        Assert.Contains("no service is called 'toaster'", unknown.Message, StringComparison.Ordinal);
        Assert.Equal("00:00:07", (await RetainedSettingsAsync("voice-router")).GetProperty("ListenTimeout").GetString());
    }

    private Task<RunningHost> StartConfigServiceAsync() =>
        ServiceHosts.StartAsync(fixture.Broker, b => b.AddConfigService(),
            new Dictionary<string, string?> { ["Services:config-service:Directory"] = _directory });

    private Task<RunningHost> StartFakeTtsAsync() =>
        ServiceHosts.StartAsync(fixture.Broker, b => b.AddBusService<FakeTtsService>(ServiceNames.Tts));

    private static Task<TtsResponse> SpeakAsync(BusClient cli) =>
        cli.QueryAsync<TtsRequest, TtsResponse>(Topics.Tts.Request, new TtsRequest("hello"));

    /// <summary>The update reaches the service asynchronously (retained event), so ask until it shows.</summary>
    private static async Task SpeaksWithAsync(BusClient cli, string voice)
    {
        var deadline = DateTime.UtcNow + Wait;
        string current;
        while ((current = (await SpeakAsync(cli)).Voice) != voice)
        {
            Assert.True(DateTime.UtcNow < deadline, $"tts still speaks with {current}, not {voice}");
            await Task.Delay(20);
        }
    }

    /// <summary>What a service subscribing now would get: the retained settings.</summary>
    private async Task<JsonElement> RetainedSettingsAsync(string service)
    {
        await using var recorder = await MessageRecorder.StartAsync(fixture.Broker, "cli", [Topics.Config.Of(service)]);
        var message = await recorder.WaitForAsync(m => m.Retain, Wait);
        return Wire.EnvelopeOf(message).Payload;
    }

    private string FileOf(string service) => Path.Combine(_directory, service + ".json");

    private void WriteFile(string service, string json) => File.WriteAllText(FileOf(service), json);
}
