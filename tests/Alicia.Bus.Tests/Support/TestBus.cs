using Alicia.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Alicia.Bus.Tests.Support;

/// <summary>Bus clients for real service identities against a test broker, with test-friendly timings.</summary>
public static class TestBus
{
    private static int _instances;

    public static BusOptions Options(MosquittoBroker broker, string service) => new()
    {
        ServiceName = service,
        Instance = $"t{Interlocked.Increment(ref _instances)}",
        Host = broker.Host,
        Port = broker.MqttPort,
        SecretsDirectory = broker.SecretsDirectory,
        KeepAlive = TimeSpan.FromSeconds(5),
        ReconnectMinDelay = TimeSpan.FromMilliseconds(50),
        ReconnectMaxDelay = TimeSpan.FromMilliseconds(500),
        CommandAttemptTimeout = TimeSpan.FromMilliseconds(500),
        RetryBaseDelay = TimeSpan.FromMilliseconds(20),
        RetryMaxDelay = TimeSpan.FromMilliseconds(100),
        QueryTimeout = TimeSpan.FromSeconds(2),
    };

    public static BusClient Client(MosquittoBroker broker, string service, Action<BusOptions>? configure = null)
    {
        var options = Options(broker, service);
        configure?.Invoke(options);
        return new BusClient(options, new BusJson([TestJson.Default]), NullLoggerFactory.Instance, TimeProvider.System);
    }

    public static async Task<BusClient> StartedAsync(MosquittoBroker broker, string service, Action<BusClient>? routes = null, Action<BusOptions>? configure = null)
    {
        var client = Client(broker, service, configure);
        routes?.Invoke(client);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await client.StartAsync(timeout.Token);
        return client;
    }

    /// <summary>Waits until <paramref name="condition"/> holds, failing the test after <paramref name="timeout"/>.</summary>
    public static async Task EventuallyAsync(Func<bool> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"timed out after {timeout.TotalSeconds} s waiting for {what}");
            }

            await Task.Delay(20);
        }
    }
}
