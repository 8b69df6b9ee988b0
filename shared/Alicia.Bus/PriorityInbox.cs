using Alicia.Contracts;

namespace Alicia.Bus;

/// <summary>
/// A bounded queue that always hands out the oldest message of the highest priority waiting.
/// One FIFO per priority level behind one lock: enqueue and dequeue are O(levels), with no
/// allocation in the steady state, which keeps the in-process dispatch rate in the millions per second.
/// </summary>
public sealed class PriorityInbox<T> : IDisposable
{
    private static readonly MessagePriority[] Levels = Enum.GetValues<MessagePriority>().Order().ToArray();

    private readonly Queue<T>[] _queues;
    private readonly SemaphoreSlim _available = new(0);
    private readonly Lock _lock = new();
    private int _count;

    public PriorityInbox(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Capacity = capacity;
        _queues = Levels.Select(_ => new Queue<T>()).ToArray();
    }

    public int Capacity { get; }

    public int Count => Volatile.Read(ref _count);

    public EnqueueOutcome TryEnqueue(T item, MessagePriority priority, BackpressurePolicy policy, out T? evicted)
    {
        evicted = default;
        var level = LevelOf(priority);
        lock (_lock)
        {
            var outcome = EnqueueOutcome.Queued;
            if (_count >= Capacity)
            {
                if (policy == BackpressurePolicy.RejectNew || !TryEvictOldest(level, out evicted))
                {
                    return EnqueueOutcome.Rejected;
                }

                outcome = EnqueueOutcome.QueuedAfterDroppingOldest;
            }

            _queues[level].Enqueue(item);
            _count++;
            _available.Release();
            return outcome;
        }
    }

    /// <summary>Waits for the next message, highest priority first.</summary>
    public async ValueTask<T> DequeueAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            await _available.WaitAsync(cancellationToken);
            lock (_lock)
            {
                foreach (var queue in _queues)
                {
                    if (queue.TryDequeue(out var item))
                    {
                        _count--;
                        return item;
                    }
                }
            }
        }
    }

    public bool TryDequeue(out T? item)
    {
        lock (_lock)
        {
            foreach (var queue in _queues)
            {
                if (queue.TryDequeue(out item))
                {
                    _count--;
                    _available.Wait(0);
                    return true;
                }
            }
        }

        item = default;
        return false;
    }

    // Drop from the lowest priority first, never anything more important than the newcomer.
    private bool TryEvictOldest(int newcomerLevel, out T? evicted)
    {
        for (var level = _queues.Length - 1; level >= newcomerLevel; level--)
        {
            if (_queues[level].TryDequeue(out evicted))
            {
                _count--;
                _available.Wait(0);
                return true;
            }
        }

        evicted = default;
        return false;
    }

    public void Dispose() => _available.Dispose();

    private static int LevelOf(MessagePriority priority)
    {
        var index = Array.IndexOf(Levels, priority);
        return index < 0 ? Array.IndexOf(Levels, MessagePriority.Normal) : index;
    }
}
