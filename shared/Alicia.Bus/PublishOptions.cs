using Alicia.Contracts;

namespace Alicia.Bus;

/// <summary>How to wrap and send one message. <see cref="CausedBy"/> carries session, site and hop count forward.</summary>
public sealed record PublishOptions
{
    public static readonly PublishOptions Default = new();

    public MessagePriority Priority { get; init; } = MessagePriority.Normal;

    public int Ttl { get; init; } = Envelope.DefaultTtl;

    /// <summary>Retained messages carry state (health, device state, grammar) for late subscribers.</summary>
    public bool Retain { get; init; }

    /// <summary>QoS 1 (at least once) when true; events default to QoS 0, best effort.</summary>
    public bool AtLeastOnce { get; init; }

    public string Destination { get; init; } = Envelope.Broadcast;

    public string? CorrelationId { get; init; }

    public string? SessionId { get; init; }

    public string? SiteId { get; init; }

    /// <summary>The message this one answers or follows from.</summary>
    public Envelope? CausedBy { get; init; }
}
