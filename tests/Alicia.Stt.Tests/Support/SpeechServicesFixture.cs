using Alicia.Bus;
using Alicia.Contracts;
using Alicia.Testing;
using Alicia.Tts;

namespace Alicia.Stt.Tests.Support;

/// <summary>
/// One real broker with the STT and TTS services running, the peers that talk to them under the identities the
/// ACL grants (voice-router, ai, cli), and a recorder of every voice topic.
/// </summary>
public sealed class SpeechServicesFixture : IAsyncLifetime
{
    private ServiceHost? _stt;
    private ServiceHost? _tts;

    public MosquittoBroker Broker { get; private set; } = null!;

    public MessageRecorder Recorder { get; private set; } = null!;

    /// <summary>Writes stt/request, tts/request and session started/ended.</summary>
    public BusClient VoiceRouter { get; private set; } = null!;

    /// <summary>Writes the grammar.</summary>
    public BusClient Ai { get; private set; } = null!;

    /// <summary>Writes microphone frames.</summary>
    public BusClient Cli { get; private set; } = null!;

    /// <summary>Writes live settings.</summary>
    public BusClient ConfigService { get; private set; } = null!;

    internal SttService Stt => _stt!.HostedService<SttService>();

    public async Task InitializeAsync()
    {
        Broker = await MosquittoBroker.StartAsync();
        Recorder = await MessageRecorder.StartAsync(Broker, ServiceNames.Cli,
            ["alicia/voice/stt/#", "alicia/voice/wake/#", "alicia/voice/tts/#", "alicia/system/health/+"]);
        _stt = await ServiceHost.StartAsync(Broker, b => b.AddStt(), new Dictionary<string, string?>
        {
            ["Services:stt:IntentsDirectory"] = Repository.File("config", "intents"),
            ["Services:stt:Decoders"] = "1",
        });
        _tts = await ServiceHost.StartAsync(Broker, b => b.AddTts());
        VoiceRouter = await Peer.ConnectAsync(Broker, ServiceNames.VoiceRouter);
        Ai = await Peer.ConnectAsync(Broker, ServiceNames.Ai);
        Cli = await Peer.ConnectAsync(Broker, ServiceNames.Cli);
        ConfigService = await Peer.ConnectAsync(Broker, ServiceNames.ConfigService);
    }

    public async Task DisposeAsync()
    {
        foreach (var client in new[] { VoiceRouter, Ai, Cli, ConfigService })
        {
            if (client is not null)
            {
                await client.DisposeAsync();
            }
        }

        if (_stt is not null)
        {
            await _stt.DisposeAsync();
        }

        if (_tts is not null)
        {
            await _tts.DisposeAsync();
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

    /// <summary>Streams audio to a site's microphone topic in 100 ms chunks, as fast as the bus takes them.</summary>
    public async Task StreamAsync(string site, short[] samples)
    {
        foreach (var chunk in Voice.Chunks(samples))
        {
            await Cli.PublishBinaryAsync(Topics.Audio.Frame(site), chunk);
        }
    }
}
