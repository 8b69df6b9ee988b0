using System.Text.Json;

namespace Alicia.Reliability.Tests.Fuzz;

/// <summary>
/// What a well-formed message on one concrete topic looks like, and what its handling shows.
/// <see cref="Payload"/> (envelope topics) or <see cref="Raw"/> (binary topics) makes round <c>n</c>'s message.
/// </summary>
internal sealed record GoodMessage(GoodKind Kind)
{
    public Func<int, JsonElement>? Payload { get; init; }

    public Func<int, byte[]>? Raw { get; init; }

    /// <summary>Every subscriber reads the payload as a typed contract, so a wrong payload shape must be rejected by each.</summary>
    public bool Typed { get; init; }

    /// <summary>Sorts a round's good messages (a device is added before it is updated, controlled and removed).</summary>
    public int Order { get; init; }

    /// <summary>Topics one of which carries the answer to a good event, correlated by its message id.</summary>
    public IReadOnlyList<string> AnsweredOn { get; init; } = [];

    /// <summary>Well-formed envelopes whose payload the named service must refuse and count (bad audio, an empty grammar, ...).</summary>
    public IReadOnlyList<JsonElement> BadPayloads { get; init; } = [];

    public string? BadPayloadsCountedBy { get; init; }

    /// <summary>For a binary topic: the service that must count malformed payloads as rejected (null: raw device chatter, nothing to count).</summary>
    public string? RawRejectedBy { get; init; }
}
