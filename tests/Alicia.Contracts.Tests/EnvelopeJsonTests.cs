using System.Text.Json;
using Alicia.Contracts;

namespace Alicia.Contracts.Tests;

public sealed class EnvelopeJsonTests
{
    private static readonly string[] WireFields =
        ["message_id", "timestamp", "source", "destination", "message_type", "priority", "ttl",
         "correlation_id", "session_id", "site_id", "payload", "routing"];

    [Fact]
    public void Serializes_exactly_the_design_fields_in_snake_case()
    {
        var envelope = Sample();

        using var json = JsonDocument.Parse(JsonSerializer.Serialize(envelope, ContractsJson.Default.Envelope));

        Assert.Equal(WireFields.Order(), json.RootElement.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal("command", json.RootElement.GetProperty("message_type").GetString());
        Assert.Equal("interactive", json.RootElement.GetProperty("priority").GetString());
        Assert.Equal(10, json.RootElement.GetProperty("routing").GetProperty("max_hops").GetInt32());
    }

    [Fact]
    public void Round_trips()
    {
        var envelope = Sample();

        var back = JsonSerializer.Deserialize(JsonSerializer.Serialize(envelope, ContractsJson.Default.Envelope), ContractsJson.Default.Envelope)!;

        Assert.Equal(envelope.MessageId, back.MessageId);
        Assert.Equal(envelope.Routing, back.Routing);
        Assert.Equal("kitchen", back.SiteId);
        Assert.Equal("hi", back.Payload.GetProperty("text").GetString());
    }

    [Fact]
    public void Reads_the_design_example_with_optional_fields_null()
    {
        const string example = """
            { "message_id": "5f0c", "timestamp": 1732390000.123, "source": "stt",
              "destination": "broadcast", "message_type": "event", "priority": "normal", "ttl": 300,
              "correlation_id": null, "session_id": null, "site_id": null,
              "payload": { }, "routing": { "hops": 0, "max_hops": 10 } }
            """;

        var envelope = JsonSerializer.Deserialize(example, ContractsJson.Default.Envelope)!;

        Assert.Equal(MessageType.Event, envelope.MessageType);
        Assert.Equal(MessagePriority.Normal, envelope.Priority);
        Assert.Null(envelope.CorrelationId);
    }

    [Theory]
    [InlineData("""{"timestamp":1,"source":"a","destination":"b","message_type":"event","priority":"normal","ttl":1,"payload":{},"routing":{"hops":0,"max_hops":1}}""")]
    [InlineData("""{"message_id":"x","timestamp":"yesterday","source":"a","destination":"b","message_type":"event","priority":"normal","ttl":1,"payload":{},"routing":{"hops":0,"max_hops":1}}""")]
    [InlineData("""{"message_id":"x","timestamp":1,"source":"a","destination":"b","message_type":"shout","priority":"normal","ttl":1,"payload":{},"routing":{"hops":0,"max_hops":1}}""")]
    [InlineData("""{"message_id":"x","timestamp":1,"source":"a","destination":"b","message_type":"event","priority":"normal","ttl":"300","payload":{},"routing":{"hops":0,"max_hops":1}}""")]
    [InlineData("""{"message_id":"x","timestamp":1,"source":null,"destination":"b","message_type":"event","priority":"normal","ttl":1,"payload":{},"routing":{"hops":0,"max_hops":1}}""")]
    public void Refuses_missing_fields_and_wrong_types(string json) =>
        Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize(json, ContractsJson.Default.Envelope));

    [Fact]
    public void Expires_after_its_ttl_unless_it_never_expires()
    {
        var sent = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);
        var envelope = Sample() with { Timestamp = Envelope.UnixSeconds(sent), Ttl = 10 };

        Assert.False(envelope.IsExpiredAt(sent.AddSeconds(9)));
        Assert.True(envelope.IsExpiredAt(sent.AddSeconds(11)));
        Assert.False((envelope with { Ttl = Envelope.NeverExpires }).IsExpiredAt(sent.AddYears(1)));
    }

    [Fact]
    public void Hop_limit_is_exceeded_only_past_max_hops()
    {
        var routing = new Routing(Hops: 9, MaxHops: 10);

        Assert.False(routing.NextHop().IsExhausted);
        Assert.True(routing.NextHop().NextHop().IsExhausted);
    }

    private static Envelope Sample() => new(
        "3f1a", 1732390000.123, "ai", Envelope.Broadcast, MessageType.Command, MessagePriority.Interactive, 300,
        JsonSerializer.SerializeToElement(new Dictionary<string, string> { ["text"] = "hi" }),
        new Routing(), CorrelationId: "c1", SessionId: "s1", SiteId: "kitchen");
}
