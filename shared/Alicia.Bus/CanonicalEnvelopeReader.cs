using System.Text.Json;
using Alicia.Contracts;

namespace Alicia.Bus;

/// <summary>
/// A hand-written reader for envelopes in the exact shape <see cref="EnvelopeCodec.Encode"/> writes
/// (known snake_case names once each, lower-case enum names, numbers as numbers). It is about three
/// times faster than the source-generated serializer, whose constructor-parameter path dominated the
/// receive loop. Anything else (an unknown or repeated field, another spelling, a wrong type, broken
/// JSON) returns null and the serializer decides, so accepted input and rejection reasons stay exactly
/// the serializer's.
/// </summary>
internal static class CanonicalEnvelopeReader
{
    private const int Required = (1 << 9) - 1;

    public static Envelope? TryRead(ReadOnlySpan<byte> json, JsonReaderOptions options)
    {
        try
        {
            var reader = new Utf8JsonReader(json, options);
            return Read(ref reader);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return null; // the serializer reads it again and names the problem
        }
    }

    private static Envelope? Read(ref Utf8JsonReader reader)
    {
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        string? messageId = null, source = null, destination = null, correlationId = null, sessionId = null, siteId = null;
        double timestamp = 0;
        var ttl = 0;
        var type = MessageType.Event;
        var priority = MessagePriority.Normal;
        JsonElement payload = default;
        Routing? routing = null;
        var seen = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            int field;
            bool ok;
            if (reader.ValueTextEquals("message_id"u8))
            {
                (field, ok) = (1 << 0, RequiredString(ref reader, out messageId));
            }
            else if (reader.ValueTextEquals("timestamp"u8))
            {
                (field, ok) = (1 << 1, reader.Read() && reader.TokenType == JsonTokenType.Number && reader.TryGetDouble(out timestamp));
            }
            else if (reader.ValueTextEquals("source"u8))
            {
                (field, ok) = (1 << 2, RequiredString(ref reader, out source));
            }
            else if (reader.ValueTextEquals("destination"u8))
            {
                (field, ok) = (1 << 3, RequiredString(ref reader, out destination));
            }
            else if (reader.ValueTextEquals("message_type"u8))
            {
                (field, ok) = (1 << 4, ReadMessageType(ref reader, out type));
            }
            else if (reader.ValueTextEquals("priority"u8))
            {
                (field, ok) = (1 << 5, ReadPriority(ref reader, out priority));
            }
            else if (reader.ValueTextEquals("ttl"u8))
            {
                (field, ok) = (1 << 6, reader.Read() && reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out ttl));
            }
            else if (reader.ValueTextEquals("payload"u8))
            {
                if (!reader.Read())
                {
                    return null;
                }

                // The same call the serializer's JsonElement converter makes.
                payload = JsonElement.ParseValue(ref reader);
                (field, ok) = (1 << 7, true);
            }
            else if (reader.ValueTextEquals("routing"u8))
            {
                routing = ReadRouting(ref reader);
                (field, ok) = (1 << 8, routing is not null);
            }
            else if (reader.ValueTextEquals("correlation_id"u8))
            {
                (field, ok) = (1 << 9, OptionalString(ref reader, out correlationId));
            }
            else if (reader.ValueTextEquals("session_id"u8))
            {
                (field, ok) = (1 << 10, OptionalString(ref reader, out sessionId));
            }
            else if (reader.ValueTextEquals("site_id"u8))
            {
                (field, ok) = (1 << 11, OptionalString(ref reader, out siteId));
            }
            else
            {
                return null;
            }

            if (!ok || (seen & field) != 0)
            {
                return null;
            }

            seen |= field;
        }

        // Reading past the closing brace must find nothing: trailing content throws (and falls back).
        if (reader.TokenType != JsonTokenType.EndObject || reader.Read() || (seen & Required) != Required)
        {
            return null;
        }

        return new Envelope(messageId!, timestamp, source!, destination!, type, priority, ttl, payload, routing!, correlationId, sessionId, siteId);
    }

    private static bool RequiredString(ref Utf8JsonReader reader, out string? value)
    {
        value = reader.Read() && reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        return value is not null;
    }

    private static bool OptionalString(ref Utf8JsonReader reader, out string? value)
    {
        value = null;
        if (!reader.Read())
        {
            return false;
        }

        if (reader.TokenType == JsonTokenType.Null)
        {
            return true;
        }

        value = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        return value is not null;
    }

    private static bool ReadMessageType(ref Utf8JsonReader reader, out MessageType type)
    {
        type = MessageType.Event;
        if (!reader.Read() || reader.TokenType != JsonTokenType.String)
        {
            return false;
        }

        if (reader.ValueTextEquals("event"u8))
        {
            return true;
        }

        (type, var known) = reader.ValueTextEquals("command"u8) ? (MessageType.Command, true)
            : reader.ValueTextEquals("query"u8) ? (MessageType.Query, true)
            : reader.ValueTextEquals("response"u8) ? (MessageType.Response, true)
            : (MessageType.Event, false);
        return known;
    }

    private static bool ReadPriority(ref Utf8JsonReader reader, out MessagePriority priority)
    {
        priority = MessagePriority.Normal;
        if (!reader.Read() || reader.TokenType != JsonTokenType.String)
        {
            return false;
        }

        if (reader.ValueTextEquals("normal"u8))
        {
            return true;
        }

        (priority, var known) = reader.ValueTextEquals("interactive"u8) ? (MessagePriority.Interactive, true)
            : reader.ValueTextEquals("system"u8) ? (MessagePriority.System, true)
            : reader.ValueTextEquals("external"u8) ? (MessagePriority.External, true)
            : reader.ValueTextEquals("low"u8) ? (MessagePriority.Low, true)
            : reader.ValueTextEquals("critical"u8) ? (MessagePriority.Critical, true)
            : (MessagePriority.Normal, false);
        return known;
    }

    private static Routing? ReadRouting(ref Utf8JsonReader reader)
    {
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        int hops = 0, maxHops = Routing.DefaultMaxHops, seen = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            int field;
            int value;
            if (reader.ValueTextEquals("hops"u8))
            {
                field = 1;
            }
            else if (reader.ValueTextEquals("max_hops"u8))
            {
                field = 2;
            }
            else
            {
                return null;
            }

            if (!reader.Read() || reader.TokenType != JsonTokenType.Number || !reader.TryGetInt32(out value) || (seen & field) != 0)
            {
                return null;
            }

            seen |= field;
            if (field == 1)
            {
                hops = value;
            }
            else
            {
                maxHops = value;
            }
        }

        return reader.TokenType == JsonTokenType.EndObject ? new Routing(hops, maxHops) : null;
    }
}
