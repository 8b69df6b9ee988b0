using System.Globalization;
using Alicia.DeviceRegistry;
using Alicia.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Alicia.DemoDevices.Tests;

/// <summary>One host with the device registry and the demo devices, as the threads-mode host runs them.</summary>
public sealed class CombinedHost : IAsyncDisposable
{
    private static int _instances;
    private readonly IHost _host;

    private CombinedHost(IHost host) => _host = host;

    public DemoDevicesWorker Demo => _host.Services.GetServices<IHostedService>().OfType<DemoDevicesWorker>().Single();

    public static async Task<CombinedHost> StartAsync(MosquittoBroker broker, string dataDirectory, bool registry = true, bool demoEnabled = true)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Bus:Host"] = broker.Host,
            ["Bus:Port"] = broker.MqttPort.ToString(CultureInfo.InvariantCulture),
            ["Bus:SecretsDirectory"] = broker.SecretsDirectory,
            ["Bus:Instance"] = $"t{Interlocked.Increment(ref _instances)}",
            ["Bus:ReconnectMaxDelay"] = "00:00:00.300",
            ["Services:device-registry:DataDirectory"] = dataDirectory,
            ["Services:demo-devices:Enabled"] = demoEnabled ? "true" : "false",
            ["Services:demo-devices:SimulationInterval"] = "00:10:00",
        });
        if (registry)
        {
            builder.AddDeviceRegistry();
        }

        builder.AddDemoDevices();
        var host = builder.Build();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        await host.StartAsync(timeout.Token);
        return new CombinedHost(host);
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await _host.StopAsync(timeout.Token);
        _host.Dispose();
    }
}
