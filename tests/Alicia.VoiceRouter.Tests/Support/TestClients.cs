using Alicia.Bus;
using Alicia.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Alicia.VoiceRouter.Tests.Support;

/// <summary>Bus clients with the real identities of the router's neighbours ("stt", "tts", "cli", "device-registry").</summary>
internal static class TestClients
{
    private static int _instances;

    public static BusJson Json { get; } = new([]);

    public static async Task<BusClient> StartedAsync(MosquittoBroker broker, string identity, Action<BusClient>? routes = null)
    {
        var client = new BusClient(new BusOptions
        {
            ServiceName = identity,
            Instance = $"t{Interlocked.Increment(ref _instances)}",
            Host = broker.Host,
            Port = broker.MqttPort,
            SecretsDirectory = broker.SecretsDirectory,
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
