using System.Text.Json;
using Alicia.Bus;
using Alicia.Contracts;
using Alicia.Contracts.Voice;

namespace Alicia.ConfigService.Tests;

/// <summary>
/// Runs as "tts" and answers speech requests with the voice it is configured for, so a test can see a live
/// setting change what the service does. Binds the setting case-insensitively, as the real service does.
/// </summary>
public sealed class FakeTtsService(BusClientFactory bus) : BusServiceWrapper(bus, ServiceNames.Tts)
{
    private volatile string _voice = "en-us";
    private int _applied;

    public int Applied => Volatile.Read(ref _applied);

    protected override void ConfigureRoutes(BusClient bus)
    {
        ArgumentNullException.ThrowIfNull(bus);
        bus.OnQuery<TtsRequest, TtsResponse>(Topics.Tts.Request, (_, _) => Task.FromResult(new TtsResponse("", 0, 0, _voice)));
    }

    protected override Task ApplyConfigAsync(JsonElement settings, CancellationToken cancellationToken)
    {
        foreach (var setting in settings.EnumerateObject())
        {
            if (setting.NameEquals("DefaultVoice") || string.Equals(setting.Name, "DefaultVoice", StringComparison.OrdinalIgnoreCase))
            {
                _voice = setting.Value.GetString()!;
            }
        }

        Interlocked.Increment(ref _applied);
        return Task.CompletedTask;
    }
}
