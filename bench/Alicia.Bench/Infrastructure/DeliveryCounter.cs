using System.Diagnostics;

namespace Alicia.Bench.Infrastructure;

/// <summary>
/// Counts deliveries from any thread and notes the moment a target count is reached; when messages
/// stop arriving short of it (a loss), the wait ends after a quiet period instead.
/// </summary>
public sealed class DeliveryCounter
{
    private long _count;
    private long _target = long.MaxValue;
    private long _reachedAt;
    private TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public long Count => Interlocked.Read(ref _count);

    /// <summary>Starts counting from zero towards <paramref name="target"/>.</summary>
    public void Reset(long target)
    {
        _reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Interlocked.Exchange(ref _count, 0);
        Volatile.Write(ref _target, target);
    }

    public void Increment() => Add(1);

    public void Add(long delivered)
    {
        var count = Interlocked.Add(ref _count, delivered);
        var target = Volatile.Read(ref _target);
        if (count >= target && count - delivered < target)
        {
            Volatile.Write(ref _reachedAt, Stopwatch.GetTimestamp());
            _reached.TrySetResult();
        }
    }

    /// <summary>
    /// Waits for the target. Returns how many arrived and the timestamp of the last one seen (the
    /// moment the target was reached, or when counting last moved before <paramref name="quiet"/> passed).
    /// </summary>
    public async Task<(long Count, long At)> WaitAsync(TimeSpan quiet, CancellationToken cancellationToken)
    {
        var lastCount = -1L;
        var lastMoved = Stopwatch.GetTimestamp();
        while (true)
        {
            var reached = _reached.Task;
            var finished = await Task.WhenAny(reached, Task.Delay(50, cancellationToken));
            if (finished == reached)
            {
                return (Count, Volatile.Read(ref _reachedAt));
            }

            cancellationToken.ThrowIfCancellationRequested();
            var count = Count;
            if (count != lastCount)
            {
                lastCount = count;
                lastMoved = Stopwatch.GetTimestamp();
            }
            else if (Stopwatch.GetElapsedTime(lastMoved) > quiet)
            {
                return (count, lastMoved);
            }
        }
    }
}
