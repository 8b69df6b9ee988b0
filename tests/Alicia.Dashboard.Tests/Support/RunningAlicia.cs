using Alicia.Ai;
using Alicia.Contracts;
using Alicia.DemoDevices;
using Alicia.DeviceRegistry;
using Alicia.Discovery;
using Alicia.HealthMonitor;
using Alicia.Stt;
using Alicia.Testing;
using Alicia.Tts;
using Alicia.VoiceRouter;
using Microsoft.Extensions.Hosting;

namespace Alicia.Dashboard.Tests.Support;

/// <summary>
/// A running Alicia for the browser tests, shared by every test in the class: a real mosquitto with the
/// project's configuration and ACL, the real services each in a host of its own (so one can be stopped),
/// the demo devices, the dashboard host, and a headless chromium whose microphone says <see cref="SpokenCommand"/>.
/// </summary>
public sealed class RunningAlicia : IAsyncLifetime
{
    /// <summary>What the browser's fake microphone says (rendered by espeak-ng) when push-to-talk opens it.</summary>
    public const string SpokenCommand = "set the thermostat to twenty five degrees";

    private readonly List<ServiceHost> _services = [];
    private string _data = "";
    private ServiceHost? _demo;

    public MosquittoBroker Broker { get; private set; } = null!;

    public DashboardServer Dashboard { get; private set; } = null!;

    public Chromium Chromium { get; private set; } = null!;

    /// <summary>The services still running (a test may have stopped one): the health view must show them online.</summary>
    public IReadOnlyList<string> RunningServices => [.. _services.Where(s => s.IsRunning).Select(s => s.Name)];

    /// <summary>Every service started, running or not.</summary>
    public int ServiceCount => _services.Count;

    public ServiceHost Service(string name) => _services.Single(s => s.Name == name);

    /// <summary>Stops a service's host (a clean stop: it reports offline) until <see cref="RestartAsync"/>.</summary>
    public Task StopAsync(string name) => Service(name).StopAsync();

    /// <summary>A new host for a stopped service, built and configured as the first one.</summary>
    public async Task RestartAsync(string name)
    {
        var stopped = Service(name);
        var again = await stopped.StartAgainAsync();
        lock (_services)
        {
            _services[_services.IndexOf(stopped)] = again;
        }
    }

    public async Task InitializeAsync()
    {
        _data = Directory.CreateTempSubdirectory("alicia-dashboard-").FullName;
        Broker = await MosquittoBroker.StartAsync();
        var speech = await SpeechFile.RenderAsync(SpokenCommand, Path.Combine(_data, "microphone.wav"));
        var chromium = Chromium.LaunchAsync(speech);
        var dashboard = DashboardServer.StartAsync(Broker);

        // The registry and the devices first, so the AI compiles its grammar with the device names at once.
        await StartAsync(ServiceNames.DeviceRegistry, b => b.AddDeviceRegistry(), new()
        {
            ["Services:device-registry:DataDirectory"] = Path.Combine(_data, "registry"),
        });
        _demo = await ServiceHost.StartAsync(Broker, "demo-devices", b => b.AddDemoDevices());
        var intents = Repository.File("config", "intents");
        await Task.WhenAll(
            StartAsync(ServiceNames.HealthMonitor, b => b.AddHealthMonitor(), new()
            {
                ["Services:health-monitor:CheckInterval"] = "00:00:01",
                ["Services:health-monitor:SummaryInterval"] = "00:00:02",
            }),
            StartAsync(ServiceNames.Discovery, b => b.AddDiscovery()),
            StartAsync(ServiceNames.Ai, b => b.AddAi(), new()
            {
                ["Services:ai:IntentsDirectory"] = intents,
                ["Services:ai:DataDirectory"] = Path.Combine(_data, "ai"),
            }),
            StartAsync(ServiceNames.Stt, b => b.AddStt(), new() { ["Services:stt:IntentsDirectory"] = intents }),
            StartAsync(ServiceNames.VoiceRouter, b => b.AddVoiceRouter()),
            StartAsync(ServiceNames.Tts, b => b.AddTts()));
        Dashboard = await dashboard;
        Chromium = await chromium;
    }

    public async Task DisposeAsync()
    {
        if (Chromium is not null)
        {
            await Chromium.DisposeAsync();
        }

        if (Dashboard is not null)
        {
            await Dashboard.DisposeAsync();
        }

        foreach (var service in _services)
        {
            await service.DisposeAsync();
        }

        if (_demo is not null)
        {
            await _demo.DisposeAsync();
        }

        if (Broker is not null)
        {
            await Broker.DisposeAsync();
        }

        if (_data.Length > 0)
        {
            Directory.Delete(_data, recursive: true);
        }
    }

    private async Task StartAsync(string name, Action<IHostApplicationBuilder> add, Dictionary<string, string?>? settings = null)
    {
        var host = await ServiceHost.StartAsync(Broker, name, add, settings);
        lock (_services)
        {
            _services.Add(host);
        }
    }
}
