using System.Buffers;
using System.Text;
using System.Text.Json;
using Alicia.Contracts;

namespace Alicia.Bus.Tests;

public sealed class EnvelopeCodecTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000);
    private readonly EnvelopeCodec _codec = new(maxPayloadBytes: 4096, new FixedTime(Now));

    [Fact]
    public void Accepts_a_good_envelope()
    {
        Assert.True(_codec.TryDecode(Bytes(Good()), out var envelope, out _));
        Assert.Equal("m1", envelope.MessageId);
    }

    public static TheoryData<string, string> BadInputs => new()
    {
        { "", "empty" },
        { "not json at all", "invalid_json" },
        { "{\"message_id\": \"m1\"", "invalid_json" },
        { "[1,2,3]", "invalid_json" },
        { "null", "invalid_envelope" },
        { Good().Replace("\"ttl\":300", "\"ttl\":\"soon\"", StringComparison.Ordinal), "invalid_json" },
        { Good().Replace("\"message_type\":\"event\"", "\"message_type\":\"gossip\"", StringComparison.Ordinal), "invalid_json" },
        { Good().Replace("\"source\":\"test\",", "", StringComparison.Ordinal), "invalid_json" },
        { Good().Replace("\"message_id\":\"m1\"", "\"message_id\":\"\"", StringComparison.Ordinal), "invalid_envelope" },
        { Good().Replace("\"ttl\":300", "\"ttl\":-1", StringComparison.Ordinal), "invalid_envelope" },
        { Good().Replace("\"ttl\":300", "\"ttl\":10", StringComparison.Ordinal).Replace(Stamp(Now), Stamp(Now.AddMinutes(-1)), StringComparison.Ordinal), "expired" },
        { Good().Replace("\"hops\":0", "\"hops\":11", StringComparison.Ordinal), "hop_limit" },
        { Good().Replace("\"payload\":{}", "\"payload\":" + new string('[', 100) + new string(']', 100), StringComparison.Ordinal), "invalid_json" },
        { Good().Replace("\"payload\":{}", "\"payload\":\"" + new string('x', 5000) + "\"", StringComparison.Ordinal), "oversized" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void Rejects_bad_input_with_a_reason(string input, string reason)
    {
        Assert.False(_codec.TryDecode(Bytes(input), out _, out var rejection));
        Assert.Equal(reason, rejection.Reason);
        Assert.False(string.IsNullOrWhiteSpace(rejection.Detail));
    }

    [Fact]
    public void Random_bytes_never_throw()
    {
        var random = new Random(7);
        for (var i = 0; i < 2000; i++)
        {
            var bytes = new byte[random.Next(0, 300)];
            random.NextBytes(bytes);
            Assert.False(_codec.TryDecode(new ReadOnlySequence<byte>(bytes), out _, out _));
        }
    }

    [Fact]
    public void Encodes_what_it_decodes()
    {
        _codec.TryDecode(Bytes(Good()), out var envelope, out _);

        Assert.True(_codec.TryDecode(new ReadOnlySequence<byte>(EnvelopeCodec.Encode(envelope)), out var again, out _));
        Assert.Equal(envelope.MessageId, again.MessageId);
        Assert.Equal(JsonValueKind.Object, again.Payload.ValueKind);
    }

    private static string Stamp(DateTimeOffset time) => $"\"timestamp\":{Envelope.UnixSeconds(time).ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    private static string Good() =>
        "{\"message_id\":\"m1\"," + Stamp(Now) + ",\"source\":\"test\",\"destination\":\"broadcast\",\"message_type\":\"event\"," +
        "\"priority\":\"normal\",\"ttl\":300,\"correlation_id\":null,\"session_id\":null,\"site_id\":null,\"payload\":{}," +
        "\"routing\":{\"hops\":0,\"max_hops\":10}}";

    private static ReadOnlySequence<byte> Bytes(string text) => new(Encoding.UTF8.GetBytes(text));

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
