using Alicia.Contracts;

namespace Alicia.Bus;

/// <summary>One declared handler: which topics, which pattern, and how to run it.</summary>
public sealed record Route(
    string Filter,
    RouteKind Kind,
    RouteOptions Options,
    Func<Delivery, CancellationToken, Task> Invoke)
{
    /// <summary>The filter as sent to the broker (with any shared-subscription prefix).</summary>
    public string SubscriptionFilter => Options.SharedGroup is { } group ? $"$share/{group}/{Filter}" : Filter;

    /// <summary>Set on <see cref="RouteKind.Binary"/> routes, which bypass the envelope and the queue.</summary>
    public Action<string, System.Buffers.ReadOnlySequence<byte>>? BinaryHandler { get; init; }

    public bool Accepts(MessageType type) => Kind switch
    {
        RouteKind.Command => type == MessageType.Command,
        RouteKind.Query => type == MessageType.Query,
        _ => true,
    };
}
