using System.Text.Json.Serialization;

namespace Alicia.Contracts;

/// <summary>Loop protection: every service that derives a message from another adds a hop.</summary>
public sealed record Routing(int Hops = 0, int MaxHops = Routing.DefaultMaxHops)
{
    public const int DefaultMaxHops = 10;

    [JsonIgnore]
    public bool IsExhausted => Hops > MaxHops;

    public Routing NextHop() => this with { Hops = Hops + 1 };
}
