using System.Collections.Concurrent;
using Alicia.Contracts;

namespace Alicia.Bus;

/// <summary>Requests waiting for their response, by correlation id. Completed straight from the receive path.</summary>
public sealed class PendingReplies
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource<Envelope>> _waiting = new(StringComparer.Ordinal);

    public int Count => _waiting.Count;

    public Task<Envelope> Expect(string correlationId)
    {
        var completion = new TaskCompletionSource<Envelope>(TaskCreationOptions.RunContinuationsAsynchronously);
        _waiting[correlationId] = completion;
        return completion.Task;
    }

    public void Forget(string correlationId) => _waiting.TryRemove(correlationId, out _);

    /// <summary>True when the envelope answered a request of ours.</summary>
    public bool TryComplete(Envelope response) =>
        response.MessageType == MessageType.Response &&
        response.CorrelationId is { } id &&
        _waiting.TryRemove(id, out var completion) &&
        completion.TrySetResult(response);
}
