using System.Globalization;
using Alicia.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Alicia.Dashboard.Tests.Support;

/// <summary>
/// One service in a host of its own, built as its process builds it (configuration, then its Add method),
/// pointed at the test broker with short intervals, so a test can stop exactly this one.
/// </summary>
public sealed class ServiceHost : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly MosquittoBroker _broker;
    private readonly Action<IHostApplicationBuilder> _add;
    private readonly IReadOnlyDictionary<string, string?>? _settings;
    private bool _stopped;

    private ServiceHost(string name, IHost host, MosquittoBroker broker, Action<IHostApplicationBuilder> add, IReadOnlyDictionary<string, string?>? settings)
    {
        Name = name;
        _host = host;
        _broker = broker;
        _add = add;
        _settings = settings;
    }

    public string Name { get; }

    public bool IsRunning => !_stopped;

    public static async Task<ServiceHost> StartAsync(
        MosquittoBroker broker, string name, Action<IHostApplicationBuilder> add, IReadOnlyDictionary<string, string?>? settings = null)
    {
        ArgumentNullException.ThrowIfNull(broker);
        ArgumentNullException.ThrowIfNull(add);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Bus:Host"] = broker.Host,
            ["Bus:Port"] = broker.MqttPort.ToString(CultureInfo.InvariantCulture),
            ["Bus:SecretsDirectory"] = broker.SecretsDirectory,
            ["Bus:KeepAlive"] = "00:00:02",
            // Often enough to see changes quickly, seldom enough that a busy test machine does not look "silent".
            ["Bus:HealthInterval"] = "00:00:03",
            ["Bus:MetricsInterval"] = "00:01:00",
            ["Bus:ReconnectMinDelay"] = "00:00:00.050",
            ["Bus:ReconnectMaxDelay"] = "00:00:00.500",
            ["Bus:RetryBaseDelay"] = "00:00:00.020",
            ["Bus:RetryMaxDelay"] = "00:00:00.200",
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        add(builder);
        var host = builder.Build();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        try
        {
            await host.StartAsync(timeout.Token);
        }
        catch
        {
            host.Dispose();
            throw;
        }

        return new ServiceHost(name, host, broker, add, settings);
    }

    /// <summary>The same service in a new host, as a restarted process would be.</summary>
    public Task<ServiceHost> StartAgainAsync() => StartAsync(_broker, Name, _add, _settings);

    /// <summary>A clean stop: the service publishes its offline status and disconnects.</summary>
    public async Task StopAsync()
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await _host.StopAsync(timeout.Token);
        _host.Dispose();
    }

    public async ValueTask DisposeAsync() => await StopAsync();
}
