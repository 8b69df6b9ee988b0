namespace Alicia.Bus;

/// <summary>What a full dispatch queue does with a new message for a route.</summary>
public enum BackpressurePolicy
{
    /// <summary>Evict the oldest queued message of equal or lower priority (right for streams where fresh data matters).</summary>
    DropOldest,

    /// <summary>Refuse the new message (right for commands: the sender is told and retries).</summary>
    RejectNew,
}
