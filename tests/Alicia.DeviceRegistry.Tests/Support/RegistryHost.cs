using Alicia.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Alicia.DeviceRegistry.Tests.Support;

/// <summary>The device registry in a real host (its AddDeviceRegistry wiring) against a test broker; stops cleanly on dispose.</summary>
public sealed class RegistryHost : IAsyncDisposable
{
    private static int _instances;
    private readonly IHost _host;

    private RegistryHost(IHost host) => _host = host;

    public DeviceRegistryService Service => _host.Services.GetServices<IHostedService>().OfType<DeviceRegistryService>().Single();

    public static async Task<RegistryHost> StartAsync(MosquittoBroker broker, string dataDirectory)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(BusSettings(broker, dataDirectory));
        builder.AddDeviceRegistry();
        var host = builder.Build();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        await host.StartAsync(timeout.Token);
        return new RegistryHost(host);
    }

    /// <summary>The configuration a test host needs: the broker, its secrets and a data directory.</summary>
    public static Dictionary<string, string?> BusSettings(MosquittoBroker broker, string dataDirectory) => new()
    {
        ["Bus:Host"] = broker.Host,
        ["Bus:Port"] = broker.MqttPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Bus:SecretsDirectory"] = broker.SecretsDirectory,
        ["Bus:Instance"] = $"t{Interlocked.Increment(ref _instances)}",
        ["Bus:ReconnectMaxDelay"] = "00:00:00.500",
        ["Services:device-registry:DataDirectory"] = dataDirectory,
    };

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await _host.StopAsync(timeout.Token);
        _host.Dispose();
    }
}
