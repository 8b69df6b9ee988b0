using System.Buffers;
using MQTTnet;
using MQTTnet.Protocol;

namespace Alicia.Testing;

/// <summary>
/// A client of its own that subscribes to topic filters and records everything delivered, so a
/// test can assert what arrived (and, after a barrier message, what did not).
/// </summary>
public sealed class MessageRecorder : IAsyncDisposable
{
    private readonly IMqttClient _client;
    private readonly List<ReceivedMessage> _messages = [];
    private readonly List<(Func<ReceivedMessage, bool> Match, TaskCompletionSource<ReceivedMessage> Done)> _waiters = [];
    private readonly Lock _gate = new();

    private MessageRecorder(IMqttClient client)
    {
        _client = client;
        _client.ApplicationMessageReceivedAsync += e =>
        {
            Record(new ReceivedMessage(e.ApplicationMessage.Topic, e.ApplicationMessage.Payload.ToArray(), e.ApplicationMessage.Retain));
            return Task.CompletedTask;
        };
    }

    /// <summary>Connects as <paramref name="user"/> and subscribes (QoS 1) to <paramref name="filters"/>.</summary>
    public static async Task<MessageRecorder> StartAsync(
        MosquittoBroker broker, string user, IEnumerable<string> filters, MqttTransport transport = MqttTransport.Tcp, CancellationToken ct = default)
    {
        var client = await TestMqtt.ConnectAsync(broker, user, transport, ct: ct).ConfigureAwait(false);
        var recorder = new MessageRecorder(client);
        try
        {
            var subscribe = new MqttClientSubscribeOptionsBuilder();
            foreach (var filter in filters)
            {
                subscribe.WithTopicFilter(f => f.WithTopic(filter).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce));
            }

            // SUBACK is back before this returns, so anything published afterwards is delivered.
            await client.SubscribeAsync(subscribe.Build(), ct).ConfigureAwait(false);
            return recorder;
        }
        catch
        {
            await recorder.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public IReadOnlyList<ReceivedMessage> Messages
    {
        get
        {
            lock (_gate)
            {
                return [.. _messages];
            }
        }
    }

    public bool HasReceived(string topic) => Messages.Any(m => m.Topic == topic);

    /// <summary>The first recorded message matching <paramref name="match"/>, waiting up to <paramref name="timeout"/>.</summary>
    public Task<ReceivedMessage> WaitForAsync(Func<ReceivedMessage, bool> match, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(match);
        TaskCompletionSource<ReceivedMessage> done;
        lock (_gate)
        {
            var existing = _messages.FirstOrDefault(match);
            if (existing is not null)
            {
                return Task.FromResult(existing);
            }

            done = new TaskCompletionSource<ReceivedMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((match, done));
        }

        return WaitAsync(done, timeout);
    }

    public Task<ReceivedMessage> WaitForTopicAsync(string topic, TimeSpan timeout) => WaitForAsync(m => m.Topic == topic, timeout);

    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected)
        {
            try
            {
                await _client.DisconnectAsync().ConfigureAwait(false);
            }
            catch (MQTTnet.Exceptions.MqttCommunicationException)
            {
                // The broker may already be gone (tests kill it); nothing left to close politely.
            }
        }

        _client.Dispose();
    }

    private static async Task<ReceivedMessage> WaitAsync(TaskCompletionSource<ReceivedMessage> done, TimeSpan timeout)
    {
        try
        {
            return await done.Task.WaitAsync(timeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"No matching message within {timeout}.");
        }
    }

    private void Record(ReceivedMessage message)
    {
        List<TaskCompletionSource<ReceivedMessage>> satisfied = [];
        lock (_gate)
        {
            _messages.Add(message);
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (_waiters[i].Match(message))
                {
                    satisfied.Add(_waiters[i].Done);
                    _waiters.RemoveAt(i);
                }
            }
        }

        foreach (var done in satisfied)
        {
            done.TrySetResult(message);
        }
    }
}
