using Alicia.Bus;
using Alicia.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Alicia.Reliability.Tests;

internal static class Clients
{
    private static int _instances;

    public static BusClient Create(MosquittoBroker broker, string service, Action<BusOptions>? configure = null)
    {
        var options = new BusOptions
        {
            ServiceName = service,
            Instance = $"r{Interlocked.Increment(ref _instances)}",
            Host = broker.Host,
            Port = broker.MqttPort,
            SecretsDirectory = broker.SecretsDirectory,
            KeepAlive = TimeSpan.FromSeconds(5),
            ReconnectMinDelay = TimeSpan.FromMilliseconds(50),
            ReconnectMaxDelay = TimeSpan.FromMilliseconds(500),
            RetryBaseDelay = TimeSpan.FromMilliseconds(50),
            RetryMaxDelay = TimeSpan.FromMilliseconds(500),
        };
        configure?.Invoke(options);
        return new BusClient(options, new BusJson([]), NullLoggerFactory.Instance, TimeProvider.System);
    }

    public static async Task<BusClient> StartAsync(this BusClient client)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        await client.StartAsync(timeout.Token);
        return client;
    }

    public static async Task EventuallyAsync(Func<bool> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"timed out after {timeout.TotalSeconds:0} s waiting for {what}");
            await Task.Delay(20);
        }
    }
}
