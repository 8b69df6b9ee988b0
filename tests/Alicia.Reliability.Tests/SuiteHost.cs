using System.Globalization;
using Alicia.Bus;
using Alicia.Suite;
using Alicia.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Alicia.Reliability.Tests;

/// <summary>
/// The real services in one host, as threads mode runs them (<see cref="SuiteServices"/>, each with its own
/// connection, credential and ACL), against a test broker, with their data in a temp folder and a metrics
/// snapshot every second.
/// </summary>
internal sealed class SuiteHost : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly string _data;

    private SuiteHost(IHost host, string data)
    {
        _host = host;
        _data = data;
    }

    /// <summary>Every bus service of the host (not the demo devices, which are a device simulator on raw MQTT).</summary>
    public IReadOnlyList<BusServiceWrapper> Services => [.. _host.Services.GetServices<IHostedService>().OfType<BusServiceWrapper>()];

    public static async Task<SuiteHost> StartAsync(MosquittoBroker broker, IEnumerable<string> names)
    {
        var data = Directory.CreateTempSubdirectory("alicia-reliability-").FullName;
        Directory.CreateDirectory(Path.Combine(data, "config"));
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Bus:Host"] = broker.Host,
            ["Bus:Port"] = broker.MqttPort.ToString(CultureInfo.InvariantCulture),
            ["Bus:SecretsDirectory"] = broker.SecretsDirectory,
            ["Bus:KeepAlive"] = "00:00:05",
            ["Bus:HealthInterval"] = "00:00:02",
            ["Bus:MetricsInterval"] = "00:00:01",
            ["Bus:ReconnectMinDelay"] = "00:00:00.050",
            ["Bus:ReconnectMaxDelay"] = "00:00:00.500",
            ["Services:ai:IntentsDirectory"] = Repository.File("config", "intents"),
            ["Services:ai:DataDirectory"] = Path.Combine(data, "ai"),
            ["Services:stt:IntentsDirectory"] = Repository.File("config", "intents"),
            ["Services:device-registry:DataDirectory"] = Path.Combine(data, "device-registry"),
            ["Services:config-service:Directory"] = Path.Combine(data, "config"),
        });
        foreach (var service in SuiteServices.Select(string.Join(',', names)))
        {
            service.Add(builder);
        }

        var host = builder.Build();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await host.StartAsync(timeout.Token);
        }
        catch
        {
            host.Dispose();
            Directory.Delete(data, recursive: true);
            throw;
        }

        return new SuiteHost(host, data);
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        try
        {
            await _host.StopAsync(timeout.Token);
        }
        finally
        {
            _host.Dispose();
            try
            {
                Directory.Delete(_data, recursive: true);
            }
            catch (IOException)
            {
                // A file still held for a moment: the temp folder is the system's to clean.
            }
        }
    }
}
