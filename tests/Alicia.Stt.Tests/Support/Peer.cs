using Alicia.Bus;
using Alicia.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Alicia.Stt.Tests.Support;

/// <summary>A bus client with a real identity (voice-router, ai, cli) playing the other side of the conversation.</summary>
internal static class Peer
{
    private static int s_instances;

    public static async Task<BusClient> ConnectAsync(MosquittoBroker broker, string identity)
    {
        var options = new BusOptions
        {
            ServiceName = identity,
            Instance = $"test{Interlocked.Increment(ref s_instances)}",
            Host = broker.Host,
            Port = broker.MqttPort,
            SecretsDirectory = broker.SecretsDirectory,
            ReconnectMinDelay = TimeSpan.FromMilliseconds(50),
            ReconnectMaxDelay = TimeSpan.FromMilliseconds(500),
        };
        var client = new BusClient(options, new BusJson([]), NullLoggerFactory.Instance, TimeProvider.System);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await client.StartAsync(timeout.Token);
        return client;
    }
}
