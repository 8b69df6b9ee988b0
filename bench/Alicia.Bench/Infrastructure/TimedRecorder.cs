using System.Buffers;
using Alicia.Contracts;
using Alicia.Testing;
using MQTTnet;
using MQTTnet.Protocol;

namespace Alicia.Bench.Infrastructure;

/// <summary>
/// Watches topics as the cli identity (which may read alicia/#) and notes the moment each message
/// arrives, taken on MQTTnet's receive loop before anything else runs, so waiting code's scheduling
/// delays never count.
/// </summary>
public sealed class TimedRecorder : IAsyncDisposable
{
    private readonly IMqttClient _client;
    private readonly List<TimedMessage> _messages = [];
    private readonly List<(int From, Func<TimedMessage, bool> Match, TaskCompletionSource<TimedMessage> Done)> _waiters = [];
    private readonly Lock _gate = new();

    private TimedRecorder(IMqttClient client)
    {
        _client = client;
        _client.ApplicationMessageReceivedAsync += e =>
        {
            var arrivedAt = UnixNow();
            Record(e.ApplicationMessage.Topic, e.ApplicationMessage.Payload.ToArray(), arrivedAt);
            return Task.CompletedTask;
        };
    }

    /// <summary>Unix seconds to the tick (Envelope.UnixSeconds stops at milliseconds, too coarse for a 1 ms stage).</summary>
    public static double UnixNow() => (DateTimeOffset.UtcNow - DateTimeOffset.UnixEpoch).TotalSeconds;

    /// <summary>How many messages have arrived; pass it as <c>from</c> to wait only for later ones.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _messages.Count;
            }
        }
    }

    public static async Task<TimedRecorder> StartAsync(MosquittoBroker broker, IEnumerable<string> filters, CancellationToken cancellationToken)
    {
        var client = await TestMqtt.ConnectAsync(broker, ServiceNames.Cli, ct: cancellationToken);
        var recorder = new TimedRecorder(client);
        var subscribe = new MqttClientSubscribeOptionsBuilder();
        foreach (var filter in filters)
        {
            subscribe.WithTopicFilter(filter, MqttQualityOfServiceLevel.AtLeastOnce);
        }

        await client.SubscribeAsync(subscribe.Build(), cancellationToken);
        return recorder;
    }

    /// <summary>The first message from index <paramref name="from"/> on that matches.</summary>
    public async Task<TimedMessage> WaitForAsync(Func<TimedMessage, bool> match, int from, TimeSpan timeout, CancellationToken cancellationToken)
    {
        TaskCompletionSource<TimedMessage> done;
        lock (_gate)
        {
            for (var i = from; i < _messages.Count; i++)
            {
                if (match(_messages[i]))
                {
                    return _messages[i];
                }
            }

            done = new TaskCompletionSource<TimedMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((from, match, done));
        }

        try
        {
            return await done.Task.WaitAsync(timeout, cancellationToken);
        }
        finally
        {
            lock (_gate)
            {
                _waiters.RemoveAll(w => w.Done == done);
            }
        }
    }

    /// <summary>Every message from index <paramref name="from"/> on.</summary>
    public IReadOnlyList<TimedMessage> Since(int from)
    {
        lock (_gate)
        {
            return _messages.Skip(from).ToList();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected)
        {
            await _client.DisconnectAsync();
        }

        _client.Dispose();
    }

    private void Record(string topic, byte[] payload, double arrivedAt)
    {
        List<(TaskCompletionSource<TimedMessage> Done, TimedMessage Message)> satisfied = [];
        lock (_gate)
        {
            var message = new TimedMessage(_messages.Count, topic, payload, arrivedAt);
            _messages.Add(message);
            foreach (var waiter in _waiters.Where(w => message.Index >= w.From && w.Match(message)))
            {
                satisfied.Add((waiter.Done, message));
            }
        }

        foreach (var (done, message) in satisfied)
        {
            done.TrySetResult(message);
        }
    }
}
