using System.Threading.Channels;
using Alicia.Bus;

namespace Alicia.Cli;

/// <summary>Collects one kind of message from a route so a verb can wait for the one it is interested in.</summary>
public sealed class MessageWaiter<T>
{
    private readonly Channel<BusMessage<T>> _messages = Channel.CreateUnbounded<BusMessage<T>>();

    public MessageWaiter(BusClient bus, string filter)
    {
        ArgumentNullException.ThrowIfNull(bus);
        bus.OnEvent<T>(filter, (message, ct) => _messages.Writer.WriteAsync(message, ct).AsTask());
    }

    public async Task<BusMessage<T>> WaitAsync(Func<BusMessage<T>, bool> match, TimeSpan timeout, string what, CancellationToken cancellationToken = default)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            while (true)
            {
                var message = await _messages.Reader.ReadAsync(deadline.Token);
                if (match(message))
                {
                    return message;
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new CliException($"no {what} within {timeout.TotalSeconds:0.#} s: is the service running? (./alicia health)");
        }
    }

    /// <summary>Whatever arrived so far, without waiting.</summary>
    public List<BusMessage<T>> Drain()
    {
        var all = new List<BusMessage<T>>();
        while (_messages.Reader.TryRead(out var message))
        {
            all.Add(message);
        }

        return all;
    }
}
