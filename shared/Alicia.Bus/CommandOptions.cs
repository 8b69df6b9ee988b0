using Alicia.Contracts;

namespace Alicia.Bus;

/// <summary>Overrides for one command or query; anything left null comes from <see cref="BusOptions"/>.</summary>
public sealed record CommandOptions
{
    public static readonly CommandOptions Default = new();

    public MessagePriority Priority { get; init; } = MessagePriority.Normal;

    public TimeSpan? AttemptTimeout { get; init; }

    public int? MaxAttempts { get; init; }

    /// <summary>Where the result goes, e.g. <c>alicia/voice/command/result</c>; by default the sender's own reply topic.</summary>
    public string? ResponseTopic { get; init; }

    public string? SessionId { get; init; }

    public string? SiteId { get; init; }

    public Envelope? CausedBy { get; init; }
}
