using Alicia.Contracts;

namespace Alicia.Bus;

/// <summary>
/// The receiving side of command idempotency: the reply of every recently completed command by
/// message id, so a retried or redelivered command is answered again without running twice.
/// Bounded; the oldest ids are forgotten first.
/// </summary>
public sealed class CompletedCommands(int capacity)
{
    private readonly Dictionary<string, Reply> _replies = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();
    private readonly HashSet<string> _running = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public enum Claim { Run, AlreadyRunning, AlreadyDone }

    /// <summary>Marks the command as running unless it is running or done already.</summary>
    public Claim TryClaim(string messageId, out Reply? reply)
    {
        lock (_lock)
        {
            if (_replies.TryGetValue(messageId, out reply))
            {
                return Claim.AlreadyDone;
            }

            return _running.Add(messageId) ? Claim.Run : Claim.AlreadyRunning;
        }
    }

    /// <summary>Records the outcome; a transient failure is not remembered, so a retry runs again.</summary>
    public void Complete(string messageId, Reply reply, bool remember)
    {
        lock (_lock)
        {
            _running.Remove(messageId);
            if (!remember || !_replies.TryAdd(messageId, reply))
            {
                return;
            }

            _order.Enqueue(messageId);
            while (_order.Count > capacity)
            {
                _replies.Remove(_order.Dequeue());
            }
        }
    }
}
