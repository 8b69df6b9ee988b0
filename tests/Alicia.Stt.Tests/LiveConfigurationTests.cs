using System.Text.Json;
using Alicia.Bus;
using Alicia.Contracts;
using Alicia.Stt.Tests.Support;

namespace Alicia.Stt.Tests;

/// <summary>Settings from the config service apply without a restart; invalid ones are refused.</summary>
[Collection(SpeechServicesDefinition.Name)]
public sealed class LiveConfigurationTests(SpeechServicesFixture services)
{
    [Fact]
    public async Task Wake_phrase_threshold_and_vad_change_live_and_invalid_settings_change_nothing()
    {
        try
        {
            await PublishAsync("""{ "WakePhrase": "hey computer", "WakeThreshold": 1e-25, "Vad": { "SilenceEndMs": 500 } }""");
            await Eventually(() => services.Stt.Sites.Settings.WakeWord.Keyphrase == "hey computer");
            Assert.Equal(1e-25, services.Stt.Sites.Settings.WakeWord.Threshold);
            Assert.Equal(500, services.Stt.Sites.Settings.Vad.SilenceEndMs);

            var failed = services.Stt.Bus.Metrics.Failed.Value;
            await PublishAsync("""{ "WakePhrase": "hey alicia", "WakeThreshold": 7 }""");
            await Eventually(() => services.Stt.Bus.Metrics.Failed.Value > failed);
            Assert.Equal("hey computer", services.Stt.Sites.Settings.WakeWord.Keyphrase);
        }
        finally
        {
            await PublishAsync("""{ "WakePhrase": "hey alicia", "WakeThreshold": 1e-20, "Vad": { "SilenceEndMs": 600 } }""");
            await Eventually(() => services.Stt.Sites.Settings.WakeWord.Keyphrase == "hey alicia");
        }
    }

    private Task<Envelope> PublishAsync(string json) =>
        services.ConfigService.PublishAsync(Topics.Config.Of(ServiceNames.Stt), JsonDocument.Parse(json).RootElement,
            new PublishOptions { Retain = true, Ttl = Envelope.NeverExpires });

    private static async Task Eventually(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the settings were not applied in time");
            await Task.Delay(20);
        }
    }
}
