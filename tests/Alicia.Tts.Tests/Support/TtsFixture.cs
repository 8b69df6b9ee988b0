using System.Globalization;
using Alicia.Bus;
using Alicia.Contracts;
using Alicia.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Alicia.Tts.Tests.Support;

/// <summary>A real broker with the TTS service, the voice router and config service as peers, and a recorder.</summary>
public sealed class TtsFixture : IAsyncLifetime
{
    private IHost? _host;

    public MosquittoBroker Broker { get; private set; } = null!;

    public MessageRecorder Recorder { get; private set; } = null!;

    public BusClient VoiceRouter { get; private set; } = null!;

    public BusClient ConfigService { get; private set; } = null!;

    internal TtsService Tts => _host!.Services.GetServices<IHostedService>().OfType<TtsService>().Single();

    public async Task InitializeAsync()
    {
        Broker = await MosquittoBroker.StartAsync();
        Recorder = await MessageRecorder.StartAsync(Broker, ServiceNames.Cli, ["alicia/voice/tts/#"]);
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Bus:Host"] = Broker.Host,
            ["Bus:Port"] = Broker.MqttPort.ToString(CultureInfo.InvariantCulture),
            ["Bus:SecretsDirectory"] = Broker.SecretsDirectory,
        });
        builder.AddTts();
        _host = builder.Build();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _host.StartAsync(timeout.Token);
        VoiceRouter = await ConnectAsync(ServiceNames.VoiceRouter);
        ConfigService = await ConnectAsync(ServiceNames.ConfigService);
    }

    public async Task DisposeAsync()
    {
        if (VoiceRouter is not null)
        {
            await VoiceRouter.DisposeAsync();
        }

        if (ConfigService is not null)
        {
            await ConfigService.DisposeAsync();
        }

        if (_host is not null)
        {
            await _host.StopAsync();
            _host.Dispose();
        }

        if (Recorder is not null)
        {
            await Recorder.DisposeAsync();
        }

        if (Broker is not null)
        {
            await Broker.DisposeAsync();
        }
    }

    private async Task<BusClient> ConnectAsync(string identity)
    {
        var client = new BusClient(
            new BusOptions { ServiceName = identity, Instance = "tts-test", Host = Broker.Host, Port = Broker.MqttPort, SecretsDirectory = Broker.SecretsDirectory },
            new BusJson([]), NullLoggerFactory.Instance, TimeProvider.System);
        await client.StartAsync(CancellationToken.None);
        return client;
    }
}
