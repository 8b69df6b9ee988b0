using Alicia.Bus;
using Alicia.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Alicia.Ai.Tests.Support;

/// <summary>Bus clients with real identities ("cli", "device-registry", ...) to play the other side of the AI.</summary>
internal static class TestClients
{
    private static int _instances;

    public static BusJson Json { get; } = new([AiJson.Default]);

    public static async Task<BusClient> StartedAsync(MosquittoBroker broker, string identity, Action<BusClient>? routes = null)
    {
        var client = new BusClient(new BusOptions
        {
            ServiceName = identity,
            Instance = $"t{Interlocked.Increment(ref _instances)}",
            Host = broker.Host,
            Port = broker.MqttPort,
            SecretsDirectory = broker.SecretsDirectory,
            ReconnectMinDelay = TimeSpan.FromMilliseconds(50),
            ReconnectMaxDelay = TimeSpan.FromMilliseconds(500),
        }, Json, NullLoggerFactory.Instance, TimeProvider.System);
        routes?.Invoke(client);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await client.StartAsync(timeout.Token);
        return client;
    }

    public static async Task StopAsync(this BusClient client)
    {
        await client.StopAsync(CancellationToken.None);
        await client.DisposeAsync();
    }
}
