using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Alicia.Bus;
using Alicia.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using MQTTnet;
using MQTTnet.Protocol;

namespace Alicia.DeviceRegistry.Tests.Support;

/// <summary>The other side of the conversation, with real broker identities: Alicia services and a device bridge.</summary>
public static class TestClients
{
    private static int _instances;

    /// <summary>A started bus client for <paramref name="identity"/> (e.g. "ai", "cli"), with the registry's payload types.</summary>
    public static async Task<BusClient> BusAsync(MosquittoBroker broker, string identity)
    {
        var client = new BusClient(new BusOptions
        {
            ServiceName = identity,
            Instance = $"test{Interlocked.Increment(ref _instances)}",
            Host = broker.Host,
            Port = broker.MqttPort,
            SecretsDirectory = broker.SecretsDirectory,
            CommandAttemptTimeout = TimeSpan.FromSeconds(3),
            CommandMaxAttempts = 2,
        }, new BusJson([DeviceRegistryJson.Default]), NullLoggerFactory.Instance, TimeProvider.System);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await client.StartAsync(timeout.Token);
        return client;
    }

    /// <summary>Publishes raw bytes as the <c>bridge</c> user (QoS 1, so a refusal would throw).</summary>
    public static async Task PublishRawAsync(this IMqttClient bridge, string topic, string payload, bool retain = true)
    {
        var result = await bridge.PublishAsync(new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(Encoding.UTF8.GetBytes(payload))
            .WithRetainFlag(retain)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build());
        Assert.True(result.IsSuccess, $"the broker refused {topic}: {result.ReasonCode}");
    }

    /// <summary>The typed payload of a recorded envelope, or default for an empty (cleared) message.</summary>
    public static T? PayloadOf<T>(ReceivedMessage message, JsonTypeInfo<T> type)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Payload.Length == 0)
        {
            return default;
        }

        using var document = JsonDocument.Parse(message.Payload);
        return document.RootElement.GetProperty("payload").Deserialize(type);
    }

    /// <summary>Waits until <paramref name="condition"/> holds, failing the test after <paramref name="timeout"/>.</summary>
    public static async Task EventuallyAsync(Func<bool> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"timed out waiting for {what}");
            }

            await Task.Delay(20);
        }
    }
}
