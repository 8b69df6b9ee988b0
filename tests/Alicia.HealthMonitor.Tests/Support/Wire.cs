using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Alicia.Contracts;
using Alicia.Testing;

namespace Alicia.ServiceTesting;

/// <summary>Reads recorded bus messages the way a dashboard would: envelope first, then the typed payload.</summary>
public static class Wire
{
    public static Envelope EnvelopeOf(ReceivedMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return JsonSerializer.Deserialize(message.Payload, ContractsJson.Default.Envelope)
            ?? throw new JsonException($"no envelope on {message.Topic}");
    }

    public static T PayloadOf<T>(ReceivedMessage message, JsonTypeInfo<T> type) =>
        EnvelopeOf(message).Payload.Deserialize(type) ?? throw new JsonException($"null payload on {message.Topic}");

    /// <summary>Envelope JSON for a payload, as a service would publish it (for raw clients and mosquitto_sub wills).</summary>
    public static byte[] EnvelopeBytes<T>(string source, T payload, JsonTypeInfo<T> type, int ttl = Envelope.NeverExpires)
    {
        var envelope = new Envelope(
            Guid.NewGuid().ToString(),
            Envelope.UnixSeconds(DateTimeOffset.UtcNow),
            source,
            Envelope.Broadcast,
            MessageType.Event,
            MessagePriority.System,
            ttl,
            JsonSerializer.SerializeToElement(payload, type),
            new Routing());
        return JsonSerializer.SerializeToUtf8Bytes(envelope, ContractsJson.Default.Envelope);
    }
}
