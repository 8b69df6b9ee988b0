using System.Text.Json.Serialization;

namespace Alicia.Contracts.Platform;

/// <summary>Why the health monitor raised an alert.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AlertKind>))]
public enum AlertKind
{
    /// <summary>The service reported offline, or the broker published its last will.</summary>
    [JsonStringEnumMemberName("offline")] Offline,

    /// <summary>The service still counts as online but stopped reporting health.</summary>
    [JsonStringEnumMemberName("silent")] Silent,

    /// <summary>The service's errors per minute went over the threshold.</summary>
    [JsonStringEnumMemberName("error_rate")] ErrorRate,
}
