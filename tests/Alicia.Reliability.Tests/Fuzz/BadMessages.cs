using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Alicia.Bus;
using Alicia.Contracts;

namespace Alicia.Reliability.Tests.Fuzz;

/// <summary>
/// Generated bad messages for one topic, rotating through every kind that applies to it. Envelope topics
/// get broken bytes and JSON, broken envelopes (wrong types, missing fields, a message id near the broker's
/// size limit, nesting past the depth limit, expired, looping, unknown or wrong message type), payloads of
/// the wrong shape and the topic's own bad payloads (bad audio, an empty grammar, ...). Binary topics get
/// broken bytes and configs.
/// </summary>
internal sealed class BadMessages(FuzzTarget target, int seed, bool nearLimit)
{
    /// <summary>Just under mosquitto's message_size_limit (1.5 MiB), so the broker delivers it and the service must refuse it.</summary>
    public const int NearLimitBytes = 1_500_000;
    private const int HugeEvery = 12;

    private readonly Random _random = new(seed);
    private readonly List<string> _kinds = KindsFor(target);

    public IReadOnlyList<string> Kinds => _kinds;

    public static byte[] Good(FuzzTarget target, JsonElement payload, string messageId) =>
        EnvelopeCodec.Encode(Envelope(target.Publisher, payload, messageId, MessageType.Event));

    public BadMessage Next(int index)
    {
        var kind = _kinds[index % _kinds.Count];
        if (kind == "huge_string" && (!nearLimit || index / _kinds.Count % HugeEvery != 0))
        {
            kind = _kinds[(index + 1) % _kinds.Count]; // 1.5 MB each (slow to push through a busy 2-core machine): only some topics, one rotation in HugeEvery
        }

        if (target.IsBinary)
        {
            return new BadMessage(kind, Binary(kind), target.Good.RawRejectedBy is { } counter ? [counter] : []);
        }

        var id = $"bad-{index}-{Guid.NewGuid():N}"; // unique: a repeated command id is answered as a duplicate, not run
        var good = Node(target.Good.Payload!(index), id);
        switch (kind)
        {
            case "random_bytes":
                return Counted(kind, RandomBytes());
            case "truncated_json":
                var text = good.ToJsonString();
                return Counted(kind, Encoding.UTF8.GetBytes(text[.._random.Next(1, text.Length - 1)]));
            case "wrong_types":
                good["ttl"] = "300";
                good["timestamp"] = "yesterday";
                return Counted(kind, good);
            case "missing_fields":
                good.Remove(_random.Next(3) switch { 0 => "source", 1 => "message_id", _ => "payload" });
                return Counted(kind, good);
            case "huge_string":
                good["message_id"] = new string('x', NearLimitBytes);
                return Counted(kind, good);
            case "deep_nesting":
                return Counted(kind, Encoding.UTF8.GetBytes(good.ToJsonString()
                    .Replace("\"payload\":", "\"payload\":" + new string('[', 500) + new string(']', 500) + ",\"was\":", StringComparison.Ordinal)));
            case "expired":
                good["timestamp"] = Alicia.Contracts.Envelope.UnixSeconds(DateTimeOffset.UtcNow.AddHours(-1));
                good["ttl"] = 60;
                return Counted(kind, good);
            case "hops_over_max":
                good["routing"] = new JsonObject { ["hops"] = 11, ["max_hops"] = 10 };
                return Counted(kind, good);
            case "unknown_message_type":
                good["message_type"] = "gossip";
                return Counted(kind, good);
            case "wrong_message_type":
                return Counted(kind, good); // an event where only commands or queries are taken
            case "payload_shape":
                good["payload"] = _random.Next(2) == 0 ? new JsonArray(1, 2, 3) : JsonValue.Create("a string");
                if (target.CommandOnly)
                {
                    good["message_type"] = target.Good.Kind == GoodKind.Query ? "query" : "command"; // past the type check, into the handler
                }

                return Counted(kind, good);
            default: // "payload:N": one of the topic's own bad payloads
                var bad = target.Good.BadPayloads[int.Parse(kind["payload:".Length..], System.Globalization.CultureInfo.InvariantCulture)];
                good["payload"] = JsonNode.Parse(bad.GetRawText());
                return new BadMessage("bad_payload", Bytes(good), [target.Good.BadPayloadsCountedBy!]);
        }
    }

    private static List<string> KindsFor(FuzzTarget target)
    {
        if (target.IsBinary)
        {
            return ["random_bytes", "truncated_json", "not_an_object", "huge_string"];
        }

        List<string> kinds =
        [
            "random_bytes", "truncated_json", "wrong_types", "missing_fields", "huge_string", "deep_nesting",
            "expired", "hops_over_max", "unknown_message_type",
        ];
        if (target.CommandOnly)
        {
            kinds.Add("wrong_message_type");
        }

        if (target.Good.Typed)
        {
            kinds.Add("payload_shape");
        }

        kinds.AddRange(target.Good.BadPayloads.Select((_, i) => $"payload:{i}"));
        return kinds;
    }

    private byte[] Binary(string kind)
    {
        var good = target.Good.Raw!(0);
        return kind switch
        {
            "random_bytes" => RandomBytes(),
            "truncated_json" => good[..Math.Max(1, good.Length / 2)],
            "not_an_object" => "[1,2,3]"u8.ToArray(),
            _ => Encoding.UTF8.GetBytes("{\"name\":\"" + new string('x', NearLimitBytes)),
        };
    }

    private BadMessage Counted(string kind, JsonObject envelope) => Counted(kind, Bytes(envelope));

    private BadMessage Counted(string kind, byte[] bytes) => new(kind, bytes, target.Subscribers);

    private byte[] RandomBytes()
    {
        var bytes = new byte[_random.Next(1, 4096)];
        _random.NextBytes(bytes);
        bytes[0] = (byte)'{'; // looks like JSON at first sight
        return bytes;
    }

    private JsonObject Node(JsonElement payload, string id)
    {
        return JsonNode.Parse(EnvelopeCodec.Encode(Envelope(target.Publisher, payload, id, MessageType.Event)))!.AsObject();
    }

    private static byte[] Bytes(JsonObject envelope) => Encoding.UTF8.GetBytes(envelope.ToJsonString());

    private static Envelope Envelope(string source, JsonElement payload, string id, MessageType type) => new(
        MessageId: id,
        Timestamp: Alicia.Contracts.Envelope.UnixSeconds(DateTimeOffset.UtcNow),
        Source: source,
        Destination: Alicia.Contracts.Envelope.Broadcast,
        MessageType: type,
        Priority: MessagePriority.Normal,
        Ttl: Alicia.Contracts.Envelope.DefaultTtl,
        Payload: payload,
        Routing: new Routing());
}
