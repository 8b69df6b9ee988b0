using System.Globalization;
using Alicia.Ai;
using Alicia.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Alicia.VoiceRouter.Tests.Support;

/// <summary>
/// The voice router and the real AI service in one host (as the threads-mode host runs them), against
/// a test broker with short timeouts.
/// </summary>
internal sealed class VoiceHost : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly string _data;

    private VoiceHost(IHost host, string data)
    {
        _host = host;
        _data = data;
    }

    public static async Task<VoiceHost> StartAsync(MosquittoBroker broker, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var data = Directory.CreateTempSubdirectory("alicia-router-").FullName;
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Bus:Host"] = broker.Host,
            ["Bus:Port"] = broker.MqttPort.ToString(CultureInfo.InvariantCulture),
            ["Bus:SecretsDirectory"] = broker.SecretsDirectory,
            ["Bus:ReconnectMinDelay"] = "00:00:00.050",
            ["Bus:ReconnectMaxDelay"] = "00:00:00.500",
            ["Bus:RetryBaseDelay"] = "00:00:00.020",
            ["Bus:RetryMaxDelay"] = "00:00:00.100",
            ["Services:ai:IntentsDirectory"] = Repo.IntentsDirectory,
            ["Services:ai:DataDirectory"] = data,
            ["Services:ai:CommandAttemptTimeout"] = "00:00:00.400",
            ["Services:ai:CommandMaxAttempts"] = "1",
            ["Services:voice-router:ListenTimeout"] = "00:00:03",
            ["Services:voice-router:SttTimeout"] = "00:00:02",
            ["Services:voice-router:AiTimeout"] = "00:00:03",
            ["Services:voice-router:TtsTimeout"] = "00:00:03",
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.AddAi();
        builder.AddVoiceRouter();
        var host = builder.Build();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await host.StartAsync(timeout.Token);
        return new VoiceHost(host, data);
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await _host.StopAsync(timeout.Token);
        _host.Dispose();
        Directory.Delete(_data, recursive: true);
    }
}
