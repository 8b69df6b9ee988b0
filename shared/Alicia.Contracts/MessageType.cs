using System.Text.Json.Serialization;

namespace Alicia.Contracts;

/// <summary>How a message is meant to be handled; see the messaging patterns in docs/bus.md.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<MessageType>))]
public enum MessageType
{
    /// <summary>Broadcast, best effort, any number of subscribers.</summary>
    [JsonStringEnumMemberName("event")] Event,

    /// <summary>Exactly one handler, answered with a result, retried by the sender, idempotent by message id.</summary>
    [JsonStringEnumMemberName("command")] Command,

    /// <summary>A request answered once on the MQTT 5 response topic, matched by correlation id.</summary>
    [JsonStringEnumMemberName("query")] Query,

    /// <summary>The answer to a command or a query.</summary>
    [JsonStringEnumMemberName("response")] Response,
}
