namespace Alicia.Bus;

public enum EnqueueOutcome
{
    Queued,

    /// <summary>Queued after evicting an older message, which the caller is handed to count.</summary>
    QueuedAfterDroppingOldest,

    Rejected,
}
