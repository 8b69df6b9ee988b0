using System.Text.Json.Serialization;

namespace Alicia.Contracts;

/// <summary>
/// Dispatch order inside a service: a lower value is handled first, so an interactive request
/// overtakes a backlog of system or external work. The numbers follow the design notes
/// (interactive 10, system 50, external 80); the others sit around them.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<MessagePriority>))]
public enum MessagePriority
{
    [JsonStringEnumMemberName("critical")] Critical = 0,
    [JsonStringEnumMemberName("interactive")] Interactive = 10,
    [JsonStringEnumMemberName("system")] System = 50,
    [JsonStringEnumMemberName("normal")] Normal = 60,
    [JsonStringEnumMemberName("external")] External = 80,
    [JsonStringEnumMemberName("low")] Low = 90,
}
