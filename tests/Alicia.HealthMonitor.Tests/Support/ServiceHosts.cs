using System.Globalization;
using Alicia.Bus;
using Alicia.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;

namespace Alicia.ServiceTesting;

/// <summary>
/// Service hosts built the way a real process builds them (configuration, the service's Add method, the
/// hosted wrapper), pointed at a test broker with short intervals so tests see health and wills quickly.
/// </summary>
public static class ServiceHosts
{
    public static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(2);
    public static readonly TimeSpan HealthInterval = TimeSpan.FromSeconds(1);

    private static int _instances;

    /// <summary>The broker connection and test timings every service in a test shares, plus <paramref name="extra"/>.</summary>
    public static Dictionary<string, string?> Settings(MosquittoBroker broker, IDictionary<string, string?>? extra = null)
    {
        ArgumentNullException.ThrowIfNull(broker);
        var settings = new Dictionary<string, string?>
        {
            ["Bus:Host"] = broker.Host,
            ["Bus:Port"] = broker.MqttPort.ToString(CultureInfo.InvariantCulture),
            ["Bus:SecretsDirectory"] = broker.SecretsDirectory,
            ["Bus:Instance"] = NextInstance(),
            ["Bus:KeepAlive"] = KeepAlive.ToString(),
            ["Bus:HealthInterval"] = HealthInterval.ToString(),
            ["Bus:MetricsInterval"] = "00:01:00",
            ["Bus:ReconnectMinDelay"] = "00:00:00.050",
            ["Bus:ReconnectMaxDelay"] = "00:00:00.500",
            ["Bus:CommandAttemptTimeout"] = "00:00:01",
            ["Bus:CommandMaxAttempts"] = "3",
            ["Bus:QueryTimeout"] = "00:00:03",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <summary>Builds a host with <paramref name="add"/> (e.g. <c>b => b.AddHealthMonitor()</c>) and starts it (connected on return).</summary>
    public static async Task<RunningHost> StartAsync(
        MosquittoBroker broker, Action<IHostApplicationBuilder> add, IDictionary<string, string?>? extra = null)
    {
        ArgumentNullException.ThrowIfNull(add);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(Settings(broker, extra));
        builder.Services.AddSingleton<Microsoft.Extensions.Logging.ILoggerFactory>(NullLoggerFactory.Instance);
        add(builder);
        var host = builder.Build();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        await host.StartAsync(timeout.Token);
        return new RunningHost(host);
    }

    /// <summary>A minimal real service (a <see cref="BusServiceWrapper"/>) under a real identity, e.g. "tts".</summary>
    public static Task<RunningHost> StartProbeAsync(MosquittoBroker broker, string service, params string[] capabilities) =>
        StartAsync(broker, builder =>
        {
            builder.Services.AddSingleton(new ProbeIdentity(service, capabilities));
            builder.AddBusService<ProbeService>(service);
        });

    /// <summary>A started bus client for a client identity such as "cli" (its replies readable under alicia/#).</summary>
    public static async Task<BusClient> StartClientAsync(MosquittoBroker broker, string user)
    {
        ArgumentNullException.ThrowIfNull(broker);
        var options = new BusOptions
        {
            ServiceName = user,
            Instance = NextInstance(),
            Host = broker.Host,
            Port = broker.MqttPort,
            SecretsDirectory = broker.SecretsDirectory,
            CommandAttemptTimeout = TimeSpan.FromSeconds(2),
            CommandMaxAttempts = 2,
            QueryTimeout = TimeSpan.FromSeconds(3),
        };
        var client = new BusClient(options, new BusJson([]), NullLoggerFactory.Instance, TimeProvider.System);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await client.StartAsync(timeout.Token);
        return client;
    }

    private static string NextInstance() => $"t{Interlocked.Increment(ref _instances)}";
}
