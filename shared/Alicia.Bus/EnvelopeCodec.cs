using System.Buffers;
using System.Text.Json;
using Alicia.Contracts;

namespace Alicia.Bus;

/// <summary>
/// Turns wire bytes into a checked <see cref="Envelope"/> or a rejection with a reason a person can act on.
/// Checks run cheapest first: size, JSON shape, required fields, then ttl and hops.
/// </summary>
public sealed class EnvelopeCodec(int maxPayloadBytes, TimeProvider time)
{
    public static byte[] Encode(Envelope envelope) =>
        JsonSerializer.SerializeToUtf8Bytes(envelope, ContractsJson.Default.Envelope);

    public bool TryDecode(ReadOnlySequence<byte> bytes, out Envelope envelope, out Rejection rejection)
    {
        envelope = null!;
        rejection = default;
        if (bytes.Length > maxPayloadBytes)
        {
            rejection = new Rejection("oversized", $"{bytes.Length} bytes is over the {maxPayloadBytes} byte limit");
            return false;
        }

        if (bytes.IsEmpty)
        {
            rejection = new Rejection("empty", "empty payload");
            return false;
        }

        var readerOptions = new JsonReaderOptions { MaxDepth = 64 };
        try
        {
            // Bus traffic is in the shape Encode writes: the fast reader takes it; the serializer takes the rest.
            var canonical = bytes.IsSingleSegment ? CanonicalEnvelopeReader.TryRead(bytes.FirstSpan, readerOptions) : null;
            if (canonical is not null)
            {
                envelope = canonical;
            }
            else
            {
                var reader = new Utf8JsonReader(bytes, readerOptions);
                envelope = JsonSerializer.Deserialize(ref reader, ContractsJson.Default.Envelope)!;
            }
        }
        catch (JsonException e)
        {
            rejection = new Rejection("invalid_json", Shorten(e.Message));
            return false;
        }

        if (envelope is null)
        {
            rejection = new Rejection("invalid_envelope", "payload is JSON null");
            return false;
        }

        var problem = Validate(envelope);
        if (problem is not null)
        {
            rejection = new Rejection("invalid_envelope", problem);
            return false;
        }

        if (envelope.IsExpiredAt(time.GetUtcNow()))
        {
            rejection = new Rejection("expired", $"ttl {envelope.Ttl}s passed (sent {envelope.SentAt:O})");
            return false;
        }

        if (envelope.Routing.IsExhausted)
        {
            rejection = new Rejection("hop_limit", $"hops {envelope.Routing.Hops} > max_hops {envelope.Routing.MaxHops}: a loop");
            return false;
        }

        return true;
    }

    private static string? Validate(Envelope e) =>
        string.IsNullOrWhiteSpace(e.MessageId) ? "message_id is empty"
        : e.MessageId.Length > 128 ? "message_id is longer than 128 characters"
        : string.IsNullOrWhiteSpace(e.Source) ? "source is empty"
        : string.IsNullOrWhiteSpace(e.Destination) ? "destination is empty"
        : !double.IsFinite(e.Timestamp) || e.Timestamp <= 0 ? $"timestamp {e.Timestamp} is not a Unix time"
        : e.Ttl < 0 ? $"ttl {e.Ttl} is negative"
        : e.Routing.Hops < 0 || e.Routing.MaxHops < 1 ? "routing hops/max_hops out of range"
        : e.Payload.ValueKind == JsonValueKind.Undefined ? "payload is missing"
        : null;

    private static string Shorten(string message) => message.Length <= 200 ? message : message[..200] + "...";
}
