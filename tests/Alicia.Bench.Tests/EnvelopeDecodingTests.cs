using System.Buffers;
using System.Text;
using System.Text.Json;
using Alicia.Bus;
using Alicia.Contracts;

namespace Alicia.Bench.Tests;

/// <summary>
/// The receive path reads envelopes with a fast reader for the shape the bus writes and falls back to
/// the serializer for everything else (a change made for the throughput benchmark). Whatever the
/// input, the codec must accept exactly what the serializer accepts and produce the same envelope.
/// </summary>
public sealed class EnvelopeDecodingTests
{
    private const string Damage = "{}[]\":,0123456789.-eEtrufalsn \\x";

    private static readonly EnvelopeCodec Codec = new(1 << 20, new FixedTime(DateTimeOffset.FromUnixTimeSeconds(1_800_000_000)));

    private const string Canonical =
        "{\"message_id\":\"m-1\",\"timestamp\":1800000000.125,\"source\":\"voice-router\",\"destination\":\"broadcast\"," +
        "\"message_type\":\"query\",\"priority\":\"interactive\",\"ttl\":300,\"payload\":{\"text\":\"turn on \\u0022the\\u0022 light\",\"n\":[1,2.5,null]}," +
        "\"routing\":{\"hops\":2,\"max_hops\":10},\"correlation_id\":\"c-1\",\"session_id\":null,\"site_id\":\"kitchen\"}";

    public static TheoryData<string> Variants => new()
    {
        Canonical,
        Canonical.Replace("\"message_id\"", "\"message\\u005fid\"", StringComparison.Ordinal),
        Canonical.Replace("\"query\"", "\"QUERY\"", StringComparison.Ordinal),
        Canonical.Replace("\"query\"", "2", StringComparison.Ordinal),
        Canonical.Replace("\"interactive\"", "\"Interactive\"", StringComparison.Ordinal),
        Canonical.Replace("\"interactive\"", "\"urgent\"", StringComparison.Ordinal),
        Canonical.Replace("\"ttl\":300", "\"ttl\":300,\"extra\":{\"a\":1}", StringComparison.Ordinal),
        Canonical.Replace("\"ttl\":300", "\"ttl\":300,\"ttl\":5", StringComparison.Ordinal),
        Canonical.Replace("\"ttl\":300", "\"ttl\":\"300\"", StringComparison.Ordinal),
        Canonical.Replace("\"ttl\":300", "\"ttl\":300.0", StringComparison.Ordinal),
        Canonical.Replace("\"ttl\":300", "\"ttl\":99999999999", StringComparison.Ordinal),
        Canonical.Replace("\"source\":\"voice-router\"", "\"source\":null", StringComparison.Ordinal),
        Canonical.Replace("\"source\":\"voice-router\",", "", StringComparison.Ordinal),
        Canonical.Replace("\"site_id\":\"kitchen\"", "\"site_id\":7", StringComparison.Ordinal),
        Canonical.Replace(",\"correlation_id\":\"c-1\",\"session_id\":null,\"site_id\":\"kitchen\"", "", StringComparison.Ordinal),
        Canonical.Replace("\"routing\":{\"hops\":2,\"max_hops\":10}", "\"routing\":{}", StringComparison.Ordinal),
        Canonical.Replace("\"routing\":{\"hops\":2,\"max_hops\":10}", "\"routing\":null", StringComparison.Ordinal),
        Canonical.Replace("\"routing\":{\"hops\":2,\"max_hops\":10}", "\"routing\":{\"hops\":2,\"loops\":1}", StringComparison.Ordinal),
        Canonical.Replace("\"payload\":{", "\"payload\":null,\"x\":{", StringComparison.Ordinal),
        Canonical.Replace("1800000000.125", "1.800000000125E9", StringComparison.Ordinal),
        Canonical.Replace("1800000000.125", "\"1800000000\"", StringComparison.Ordinal),
        Canonical.Replace("\"m-1\"", "\"m-\\u00e9\\ud83d\\ude00\"", StringComparison.Ordinal),
        "  " + Canonical.Replace(",", " ,\n ", StringComparison.Ordinal) + "\n",
        Canonical + "x",
        Canonical + "{}",
        Canonical[..^1],
        Canonical.Replace("}", ",}", StringComparison.Ordinal),
        "{}",
        "[]",
        "null",
    };

    [Theory]
    [MemberData(nameof(Variants))]
    public void Accepts_exactly_what_the_serializer_accepts(string json) => AssertSameAsSerializer(Encoding.UTF8.GetBytes(json));

    [Fact]
    public void Damaged_envelopes_decode_as_the_serializer_decodes_them()
    {
        var canonical = Encoding.UTF8.GetBytes(Canonical);
        var random = new Random(11);
        for (var i = 0; i < 3000; i++)
        {
            var bytes = (byte[])canonical.Clone();
            for (var flips = random.Next(1, 3); flips > 0; flips--)
            {
                bytes[random.Next(bytes.Length)] = (byte)Damage[random.Next(Damage.Length)];
            }

            AssertSameAsSerializer(bytes);
        }
    }

    [Fact]
    public void Every_envelope_the_bus_writes_comes_back_unchanged()
    {
        var random = new Random(5);
        foreach (var type in Enum.GetValues<MessageType>())
        {
            foreach (var priority in Enum.GetValues<MessagePriority>())
            {
                var payload = JsonSerializer.SerializeToElement(new { value = random.NextDouble(), text = "line\nbreak \"quoted\"" });
                var envelope = new Envelope(Guid.NewGuid().ToString(), 1_800_000_000.5, "stt", "broadcast", type, priority, random.Next(0, 1000),
                    payload, new Routing(random.Next(0, 10)), random.Next(2) == 0 ? null : "c", "s", random.Next(2) == 0 ? null : "site");
                var bytes = EnvelopeCodec.Encode(envelope);

                Assert.True(Codec.TryDecode(new ReadOnlySequence<byte>(bytes), out var decoded, out var rejection), rejection.Detail);
                Assert.Equal(bytes, EnvelopeCodec.Encode(decoded));
            }
        }
    }

    private static void AssertSameAsSerializer(byte[] bytes)
    {
        Envelope? expected;
        try
        {
            // What the codec did before it had a fast reader (it reads one value and ignores what follows).
            var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { MaxDepth = 64 });
            expected = JsonSerializer.Deserialize(ref reader, ContractsJson.Default.Envelope);
        }
        catch (JsonException)
        {
            expected = null;
        }

        var accepted = Codec.TryDecode(new ReadOnlySequence<byte>(bytes), out var actual, out var rejection);
        var text = Encoding.UTF8.GetString(bytes);
        if (expected is null)
        {
            Assert.False(accepted, $"accepted what the serializer refuses: {text}");
            Assert.True(rejection.Reason is "invalid_json" or "invalid_envelope", rejection.Reason);
        }
        else if (accepted)
        {
            Assert.Equal(EnvelopeCodec.Encode(expected), EnvelopeCodec.Encode(actual));
        }
        else
        {
            // Only the codec's own checks (after deserializing) may refuse what the serializer read.
            Assert.NotEqual("invalid_json", rejection.Reason);
        }
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
