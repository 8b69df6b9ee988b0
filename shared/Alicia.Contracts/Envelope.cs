using System.Text.Json;
using System.Text.Json.Serialization;

namespace Alicia.Contracts;

/// <summary>
/// The one JSON shape every message on the bus has (snake_case on the wire). The payload stays a
/// <see cref="JsonElement"/> here; handlers receive it typed.
/// </summary>
public sealed record Envelope(
    string MessageId,
    double Timestamp,
    string Source,
    string Destination,
    MessageType MessageType,
    MessagePriority Priority,
    int Ttl,
    JsonElement Payload,
    Routing Routing,
    string? CorrelationId = null,
    string? SessionId = null,
    string? SiteId = null)
{
    public const string Broadcast = "broadcast";

    /// <summary>Seconds a message stays valid by default.</summary>
    public const int DefaultTtl = 300;

    /// <summary>A ttl of 0 never expires: retained state (health, device state) must outlive any window.</summary>
    public const int NeverExpires = 0;

    [JsonIgnore]
    public DateTimeOffset SentAt => DateTimeOffset.FromUnixTimeMilliseconds((long)(Timestamp * 1000));

    public bool IsExpiredAt(DateTimeOffset now) =>
        Ttl != NeverExpires && now > SentAt.AddSeconds(Ttl);

    public static double UnixSeconds(DateTimeOffset time) => time.ToUnixTimeMilliseconds() / 1000.0;
}
