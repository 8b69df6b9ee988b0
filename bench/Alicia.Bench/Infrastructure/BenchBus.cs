using Alicia.Bus;
using Alicia.Contracts;
using Alicia.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Alicia.Bench.Infrastructure;

/// <summary>
/// Bus clients for real service identities against the bench broker, with the library's default
/// options (queue size, dispatch concurrency, QoS) unless a measurement says otherwise.
/// </summary>
public static class BenchBus
{
    private static int _instances;

    public static BusClient Client(MosquittoBroker broker, string service, Action<BusOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(broker);
        var options = new BusOptions
        {
            ServiceName = service,
            Instance = $"bench{Interlocked.Increment(ref _instances)}",
            Host = broker.Host,
            Port = broker.MqttPort,
            SecretsDirectory = broker.SecretsDirectory,
            // The session ends with the connection, so clients of one measurement leave no queues
            // at the broker that would slow down the next one.
            SessionExpiry = TimeSpan.Zero,
        };
        configure?.Invoke(options);
        return new BusClient(options, new BusJson([ContractsJson.Default]), NullLoggerFactory.Instance, TimeProvider.System);
    }

    /// <summary>A connected client with its routes declared by <paramref name="routes"/>.</summary>
    public static async Task<BusClient> StartAsync(
        MosquittoBroker broker, string service, Action<BusClient>? routes = null, Action<BusOptions>? configure = null, CancellationToken cancellationToken = default)
    {
        var client = Client(broker, service, configure);
        try
        {
            routes?.Invoke(client);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(15));
            await client.StartAsync(timeout.Token);
            return client;
        }
        catch
        {
            await client.DisposeAsync();
            throw;
        }
    }

    public static async Task StopAsync(BusClient? client)
    {
        if (client is null)
        {
            return;
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await client.StopAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            // The broker is torn down right after; a slow goodbye does not matter.
        }

        await client.DisposeAsync();
    }

    /// <summary>
    /// Publishes <paramref name="count"/> events keeping up to <paramref name="window"/> publishes in
    /// flight, the way a busy service with several handlers publishing at once does.
    /// </summary>
    public static async Task PublishManyAsync<T>(BusClient publisher, string topic, T payload, int count, PublishOptions options, int window, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(publisher);
        var inFlight = new Task[window];
        for (var i = 0; i < count; i++)
        {
            var slot = i % window;
            if (inFlight[slot] is { } previous)
            {
                await previous;
            }

            inFlight[slot] = publisher.PublishAsync(topic, payload, options, cancellationToken);
        }

        await Task.WhenAll(inFlight.Where(t => t is not null));
    }
}
