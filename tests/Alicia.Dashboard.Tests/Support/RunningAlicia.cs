using Alicia.Ai;
using Alicia.Bus;
using Alicia.Contracts;
using Alicia.Dashboard.Tests.StandIns;
using Alicia.DeviceRegistry;
using Alicia.Discovery;
using Alicia.HealthMonitor;
using Alicia.Tts;
using Alicia.Testing;

namespace Alicia.Dashboard.Tests.Support;

/// <summary>
/// A running Alicia for the browser tests, shared by every test in the class: a real mosquitto with the
/// project's configuration and ACL, the services each in a host of its own (so one can be stopped), the
/// dashboard host, and a headless chromium.
/// </summary>
public sealed class RunningAlicia : IAsyncLifetime
{
    private readonly List<ServiceHost> _services = [];
    private string _data = "";
    private StandInDemoDevices? _demo;

    public MosquittoBroker Broker { get; private set; } = null!;

    public DashboardServer Dashboard { get; private set; } = null!;

    public Chromium Chromium { get; private set; } = null!;

    /// <summary>The services still running (a test may have stopped one): the health view must show them online.</summary>
    public IReadOnlyList<string> RunningServices => [.. _services.Where(s => s.IsRunning).Select(s => s.Name)];

    public ServiceHost Service(string name) => _services.Single(s => s.Name == name);

    public async Task InitializeAsync()
    {
        _data = Directory.CreateTempSubdirectory("alicia-dashboard-").FullName;
        Broker = await MosquittoBroker.StartAsync();
        var chromium = Chromium.LaunchAsync();
        var dashboard = DashboardServer.StartAsync(Broker);

        // The registry first, so the demo devices' discovery configs and the AI's device list are there early.
        await StartAsync(ServiceNames.DeviceRegistry, b => b.AddDeviceRegistry(), new()
        {
            ["Services:device-registry:DataDirectory"] = Path.Combine(_data, "registry"),
            ["Services:device-registry:StateConfirmTimeout"] = "00:00:01",
        });
        _demo = await StandInDemoDevices.StartAsync(Broker);
        await Task.WhenAll(
            StartAsync(ServiceNames.HealthMonitor, b => b.AddHealthMonitor(), new()
            {
                ["Services:health-monitor:CheckInterval"] = "00:00:01",
                ["Services:health-monitor:SummaryInterval"] = "00:00:02",
            }),
            StartAsync(ServiceNames.Discovery, b => b.AddDiscovery()),
            StartAsync(ServiceNames.Ai, b => b.AddAi(), new()
            {
                ["Services:ai:IntentsDirectory"] = Repository.File("config", "intents"),
                ["Services:ai:DataDirectory"] = Path.Combine(_data, "ai"),
            }),
            StartAsync(ServiceNames.VoiceRouter, b => b.AddBusService<StandInVoiceRouter>(ServiceNames.VoiceRouter)),
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

    private async Task StartAsync(string name, Action<Microsoft.Extensions.Hosting.IHostApplicationBuilder> add, Dictionary<string, string?>? settings = null)
    {
        var host = await ServiceHost.StartAsync(Broker, name, add, settings);
        lock (_services)
        {
            _services.Add(host);
        }
    }
}
