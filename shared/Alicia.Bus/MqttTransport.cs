using System.Buffers;
using System.Collections.Concurrent;
using System.Security.Cryptography.X509Certificates;
using Alicia.Bus.Metrics;
using Microsoft.Extensions.Logging;
using MQTTnet;
using MQTTnet.Exceptions;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace Alicia.Bus;

/// <summary>
/// One service's MQTT 5 connection. MQTTnet 5 has no managed client, so this keeps the connection up
/// itself: a reconnect loop with backoff that restores every subscription, and a bounded outbox that
/// holds publishes made while the broker is away and sends them, in order, once it is back.
/// </summary>
public sealed class MqttTransport : IAsyncDisposable
{
    // QoS 0 messages of other publishers one publisher writes after its own before handing the rest to the background.
    private const int MaxQueuedPerWriter = 256;

    private readonly BusOptions _options;
    private readonly BusMetrics _metrics;
    private readonly ILogger _logger;
    private readonly IMqttClient _client;
    private readonly MqttClientOptions _clientOptions;
    private readonly Dictionary<string, MqttQualityOfServiceLevel> _subscriptions = new(StringComparer.Ordinal);
    private readonly Queue<MqttApplicationMessage> _outbox = new();
    private readonly Lock _lock = new();
    private readonly SemaphoreSlim _reconnecting = new(1, 1);
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentQueue<MqttApplicationMessage> _atMostOnce = new();
    private int _outboxCount;
    private int _writingAtMostOnce;

    public MqttTransport(BusOptions options, MqttApplicationMessage will, BusMetrics metrics, ILogger logger)
    {
        _options = options;
        _metrics = metrics;
        _logger = logger;
        _client = new MqttClientFactory().CreateMqttClient(new BufferedClientAdapterFactory());
        _clientOptions = BuildClientOptions(options, will);
        _client.ApplicationMessageReceivedAsync += args =>
        {
            MessageReceived?.Invoke(args.ApplicationMessage);
            return Task.CompletedTask;
        };
        _client.DisconnectedAsync += OnDisconnectedAsync;
        metrics.Gauge("outbox_depth", () => Volatile.Read(ref _outboxCount));
    }

    /// <summary>Called on MQTTnet's receive loop: must only hand the message on, never block.</summary>
    public Action<MqttApplicationMessage>? MessageReceived { get; set; }

    /// <summary>Raised after every successful (re)connect, once subscriptions are restored.</summary>
    public Func<bool, Task>? Connected { get; set; }

    public bool IsConnected => _client.IsConnected;

    public int OutboxCount => Volatile.Read(ref _outboxCount);

    /// <summary>Connects, retrying with backoff until the broker answers or <paramref name="cancellationToken"/> fires.</summary>
    public Task StartAsync(CancellationToken cancellationToken) => ConnectWithRetriesAsync(isReconnect: false, cancellationToken);

    public async Task SubscribeAsync(string filter, MqttQualityOfServiceLevel qos, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            _subscriptions[filter] = qos;
        }

        if (_client.IsConnected)
        {
            var options = new MqttClientSubscribeOptionsBuilder().WithTopicFilter(filter, qos).Build();
            await _client.SubscribeAsync(options, cancellationToken);
        }
    }

    /// <summary>Publishes now, or keeps the message for after the reconnect. Returns the broker's verdict (null when queued).</summary>
    public async Task<MqttClientPublishResult?> PublishAsync(MqttApplicationMessage message, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            // While anything waits in the outbox, new messages queue behind it to keep their order.
            if (!_client.IsConnected || _outbox.Count > 0)
            {
                Enqueue(message);
                return null;
            }
        }

        if (message.QualityOfServiceLevel == MqttQualityOfServiceLevel.AtMostOnce)
        {
            await SendAtMostOnceAsync(message, cancellationToken);
            return null;
        }

        return await SendAsync(message, cancellationToken);
    }

    private async Task<MqttClientPublishResult?> SendAsync(MqttApplicationMessage message, CancellationToken cancellationToken)
    {
        try
        {
            var result = await _client.PublishAsync(message, cancellationToken);
            _metrics.Published.Increment();
            return result;
        }
        // MQTTnet reports a QoS 1 publish its caller cancelled while the PUBACK was awaited as a communication timeout.
        // That is no lost connection: queued, it would hold every later publish in the outbox until a reconnect.
        catch (MqttCommunicationTimedOutException) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException(cancellationToken);
        }
        // A write that hits the dead socket fails before MQTTnet has noticed the disconnect (IsConnected is still
        // true then): it is a lost connection all the same, and the message waits in the outbox for the reconnect.
        catch (Exception e) when (e is MqttCommunicationException || (e is not OperationCanceledException && !_client.IsConnected))
        {
            lock (_lock)
            {
                Enqueue(message);
            }

            return null;
        }
    }

    /// <summary>
    /// QoS 0 publishes made while another one is being written are left to that writer. Concurrent publishers then
    /// never wait on MQTTnet's send lock, where every waiter resumes on another thread: at 64 publishes in flight that
    /// hop cost about a third of the client's CPU per event. A publisher writes up to its own message and at most
    /// <see cref="MaxQueuedPerWriter"/> after it (it must not be kept busy by everyone else's); what is still queued
    /// then goes to a background writer.
    /// </summary>
    private async Task SendAtMostOnceAsync(MqttApplicationMessage message, CancellationToken cancellationToken)
    {
        _atMostOnce.Enqueue(message);
        if (Interlocked.CompareExchange(ref _writingAtMostOnce, 1, 0) != 0)
        {
            return;
        }

        try
        {
            var sentOwn = false;
            var extra = 0;
            while (extra < MaxQueuedPerWriter && _atMostOnce.TryDequeue(out var next))
            {
                if (ReferenceEquals(next, message))
                {
                    await SendAsync(next, cancellationToken);
                    sentOwn = true;
                    continue;
                }

                await SendQueuedAsync(next);
                extra += sentOwn ? 1 : 0;
            }
        }
        finally
        {
            ReleaseAtMostOnceWriter();
        }
    }

    private void ReleaseAtMostOnceWriter()
    {
        // A full fence: the emptiness check must not be read before the release is visible, or a message queued by a
        // publisher that just found the flag taken could be left behind.
        Interlocked.Exchange(ref _writingAtMostOnce, 0);
        if (!_atMostOnce.IsEmpty && Interlocked.CompareExchange(ref _writingAtMostOnce, 1, 0) == 0)
        {
            _ = Task.Run(WriteQueuedAtMostOnceAsync);
        }
    }

    private async Task WriteQueuedAtMostOnceAsync()
    {
        try
        {
            while (_atMostOnce.TryDequeue(out var next))
            {
                await SendQueuedAsync(next);
            }
        }
        finally
        {
            ReleaseAtMostOnceWriter();
        }
    }

    /// <summary>Another caller's message: that caller has returned, so a failure is counted and logged here.</summary>
    private async Task SendQueuedAsync(MqttApplicationMessage message)
    {
        try
        {
            await SendAsync(message, _stopping.Token);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            _metrics.PublishFailed.Increment();
            _logger.LogWarning(e, "Could not publish a QoS 0 message on {Topic}", message.Topic);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        if (_client.IsConnected)
        {
            await _client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().WithReason(MqttClientDisconnectOptionsReason.NormalDisconnection).Build(), cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _client.Dispose();
        _stopping.Dispose();
        _reconnecting.Dispose();
    }

    private void Enqueue(MqttApplicationMessage message)
    {
        if (_outbox.Count >= _options.OutboxCapacity)
        {
            _outbox.Dequeue();
            _metrics.OutboxDropped.Increment();
            _logger.LogWarning("Outbox full ({Capacity}) while disconnected: dropped the oldest message", _options.OutboxCapacity);
        }

        _outbox.Enqueue(message);
        _outboxCount = _outbox.Count;
    }

    private Task OnDisconnectedAsync(MqttClientDisconnectedEventArgs args)
    {
        if (_stopping.IsCancellationRequested || !args.ClientWasConnected)
        {
            return Task.CompletedTask;
        }

        _logger.LogWarning("Lost the broker ({Reason}); reconnecting", args.Reason);
        _ = Task.Run(() => ConnectWithRetriesAsync(isReconnect: true, _stopping.Token));
        return Task.CompletedTask;
    }

    private async Task ConnectWithRetriesAsync(bool isReconnect, CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stopping.Token);
        var token = linked.Token;
        if (!await _reconnecting.WaitAsync(0, token))
        {
            return;
        }

        try
        {
            for (var attempt = 1; !_client.IsConnected; attempt++)
            {
                try
                {
                    var result = await _client.ConnectAsync(_clientOptions, token);
                    if (result.ResultCode != MqttClientConnectResultCode.Success)
                    {
                        throw new InvalidOperationException($"broker refused the connection: {result.ResultCode} {result.ReasonString}");
                    }

                    await RestoreSubscriptionsAsync(token);
                    await FlushOutboxAsync(token);
                    if (isReconnect)
                    {
                        _metrics.Reconnects.Increment();
                    }

                    _logger.LogInformation("Connected to {Host}:{Port} as {User} (session present: {SessionPresent})",
                        _options.Host, _options.Port, _options.ServiceName, result.IsSessionPresent);
                    if (Connected is { } connected)
                    {
                        await connected(isReconnect);
                    }
                }
                catch (Exception e) when (!token.IsCancellationRequested)
                {
                    var delay = Backoff.Delay(attempt, _options.ReconnectMinDelay, _options.ReconnectMaxDelay);
                    if (attempt == 1 || attempt % 10 == 0)
                    {
                        _logger.LogWarning("Cannot reach the broker at {Host}:{Port} (attempt {Attempt}): {Error}; retrying in {Delay} ms",
                            _options.Host, _options.Port, attempt, e.Message, (int)delay.TotalMilliseconds);
                    }

                    await Task.Delay(delay, token);
                }
            }
        }
        finally
        {
            _reconnecting.Release();
        }
    }

    private async Task RestoreSubscriptionsAsync(CancellationToken cancellationToken)
    {
        KeyValuePair<string, MqttQualityOfServiceLevel>[] filters;
        lock (_lock)
        {
            filters = [.. _subscriptions];
        }

        if (filters.Length == 0)
        {
            return;
        }

        var builder = new MqttClientSubscribeOptionsBuilder();
        foreach (var (filter, qos) in filters)
        {
            builder.WithTopicFilter(filter, qos);
        }

        await _client.SubscribeAsync(builder.Build(), cancellationToken);
    }

    private async Task FlushOutboxAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            MqttApplicationMessage? next;
            lock (_lock)
            {
                if (!_outbox.TryPeek(out next))
                {
                    return;
                }
            }

            await _client.PublishAsync(next, cancellationToken);
            _metrics.Published.Increment();
            lock (_lock)
            {
                _outbox.Dequeue();
                _outboxCount = _outbox.Count;
            }
        }
    }

    private static MqttClientOptions BuildClientOptions(BusOptions options, MqttApplicationMessage will)
    {
        var builder = new MqttClientOptionsBuilder()
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithClientId(options.ClientId)
            .WithTcpServer(options.Host, options.Port)
            .WithKeepAlivePeriod(options.KeepAlive)
            .WithTimeout(TimeSpan.FromSeconds(5))
            // One socket write per packet: MQTTnet otherwise writes a publish's header and payload
            // separately, two system calls for every small event (about 15% of the publish rate).
            .WithoutPacketFragmentation()
            // A persistent session: the broker keeps subscriptions and queued QoS 1 messages while we are away.
            .WithCleanStart(false)
            .WithSessionExpiryInterval((uint)options.SessionExpiry.TotalSeconds)
            .WithWillTopic(will.Topic)
            .WithWillPayload(will.Payload.ToArray())
            .WithWillRetain(true)
            .WithWillQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce);

        if (options.UseTls)
        {
            var ca = X509CertificateLoader.LoadCertificateFromFile(options.CaFile);
            using var pem = X509Certificate2.CreateFromPemFile(options.CertificateFile, options.KeyFile);
            // Re-import so the private key is usable by SslStream on every platform.
            var clientCertificate = X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null);
            builder.WithTlsOptions(tls => tls
                .UseTls()
                .WithClientCertificates([clientCertificate])
                .WithCertificateValidationHandler(args => TrustedBy(ca, args.Certificate)));
        }
        else
        {
            builder.WithCredentials(options.ServiceName, File.ReadAllText(options.PasswordFile).Trim());
        }

        return builder.Build();
    }

    private static bool TrustedBy(X509Certificate2 ca, X509Certificate? presented)
    {
        if (presented is null)
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(ca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        using var certificate = new X509Certificate2(presented);
        return chain.Build(certificate);
    }
}
