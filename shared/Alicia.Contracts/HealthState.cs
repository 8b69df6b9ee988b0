using System.Text.Json.Serialization;

namespace Alicia.Contracts;

[JsonConverter(typeof(JsonStringEnumConverter<HealthState>))]
public enum HealthState
{
    [JsonStringEnumMemberName("online")] Online,
    [JsonStringEnumMemberName("degraded")] Degraded,
    [JsonStringEnumMemberName("offline")] Offline,
}
