using System.Buffers;
using System.Diagnostics;
using System.Reflection;
using System.Text;
using System.Text.Json;
using Alicia.Bus.Metrics;
using Alicia.Contracts;
using Microsoft.Extensions.Logging;
using MQTTnet;
using MQTTnet.Protocol;

namespace Alicia.Bus;

/// <summary>
/// One service's bus: its connection, its routes and the messaging patterns on top of them.
/// Messages are taken off MQTTnet's receive loop at once into a bounded priority queue, and worker
/// tasks run the handlers, so a slow handler never stalls the connection and an interactive message
/// overtakes queued background work. Replies to our own requests skip the queue.
/// </summary>
public sealed class BusClient : IAsyncDisposable
{
    private readonly BusOptions _options;
    private readonly BusJson _json;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly EnvelopeCodec _codec;
    private readonly MqttTransport _transport;
    private readonly PriorityInbox<Delivery> _queue;
    private readonly PendingReplies _pending = new();
    private readonly CompletedCommands _completed;
    private readonly List<Route> _routes = [];
    private readonly List<HandlerMiddleware> _middleware = [];
    private readonly List<Task> _workers = [];
    private readonly HashSet<string> _replyTopics = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();
    private readonly RejectionLog _rejectionLog;

    public BusClient(BusOptions options, BusJson json, ILoggerFactory loggers, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggers);
        _options = options;
        _json = json;
        _time = time;
        _logger = loggers.CreateLogger($"Alicia.Bus.{options.ServiceName}");
        _codec = new EnvelopeCodec(options.MaxPayloadBytes, time);
        _queue = new PriorityInbox<Delivery>(options.QueueCapacity);
        _completed = new CompletedCommands(options.IdempotencyCapacity);
        _rejectionLog = new RejectionLog(_logger, time);
        Metrics = new BusMetrics();
        Metrics.Gauge("queue_depth", () => _queue.Count);
        Metrics.Gauge("pending_requests", () => _pending.Count);
        _transport = new MqttTransport(options, OfflineWill(), Metrics, _logger) { MessageReceived = OnMessage };
        StartedAt = time.GetUtcNow();
        ReplyTopic = Topics.RepliesFor(options.ServiceName, options.Instance);
    }

    public string Service => _options.ServiceName;

    public string Instance => _options.Instance;

    public BusOptions Options => _options;

    public BusMetrics Metrics { get; }

    public BusJson Json => _json;

    public DateTimeOffset StartedAt { get; }

    public string ReplyTopic { get; }

    public bool IsConnected => _transport.IsConnected;

    public int QueueDepth => _queue.Count;

    /// <summary>The handlers this service declared (what it subscribes to, and how).</summary>
    public IReadOnlyList<Route> Routes => _routes;

    /// <summary>Runs after every (re)connect, subscriptions restored; the argument tells a reconnect from the first connect.</summary>
    public Func<bool, Task>? Connected
    {
        get => _transport.Connected;
        set => _transport.Connected = value;
    }

    public static string Version { get; } =
        typeof(BusClient).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    // ---- declaring handlers -------------------------------------------------------------------

    /// <summary>Handles broadcast events (and observes responses) on a topic filter, wildcards allowed.</summary>
    public void OnEvent<T>(string filter, Func<BusMessage<T>, CancellationToken, Task> handler, RouteOptions? options = null)
    {
        var typeInfo = _json.TypeInfo<T>();
        AddRoute(filter, RouteKind.Event, options, (delivery, ct) =>
            handler(new BusMessage<T>(delivery.Topic, delivery.Envelope, Payload(delivery, typeInfo)), ct));
    }

    /// <summary>Handles commands: one result each, answered again (not re-run) for a repeated message id.</summary>
    public void OnCommand<T, TResult>(string filter, Func<BusMessage<T>, CancellationToken, Task<TResult>> handler, RouteOptions? options = null)
    {
        var typeInfo = _json.TypeInfo<T>();
        var resultInfo = _json.TypeInfo<TResult>();
        AddRoute(filter, RouteKind.Command, options ?? new RouteOptions { Backpressure = BackpressurePolicy.RejectNew }, (delivery, ct) =>
            RunCommandAsync(delivery, async token =>
                JsonSerializer.SerializeToElement(await handler(new BusMessage<T>(delivery.Topic, delivery.Envelope, Payload(delivery, typeInfo)), token), resultInfo), ct));
    }

    /// <summary>Handles queries: answered once on the requester's response topic.</summary>
    public void OnQuery<T, TResult>(string filter, Func<BusMessage<T>, CancellationToken, Task<TResult>> handler, RouteOptions? options = null)
    {
        var typeInfo = _json.TypeInfo<T>();
        var resultInfo = _json.TypeInfo<TResult>();
        AddRoute(filter, RouteKind.Query, options ?? new RouteOptions { Backpressure = BackpressurePolicy.RejectNew }, async (delivery, ct) =>
        {
            Reply reply;
            try
            {
                var result = await handler(new BusMessage<T>(delivery.Topic, delivery.Envelope, Payload(delivery, typeInfo)), ct);
                reply = new Reply(true, JsonSerializer.SerializeToElement(result, resultInfo));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Answer first, then let the pipeline count and log the failure.
                await SendReplyAsync(delivery, new Reply(false, Error: e.Message, Retryable: IsTransient(e)), ct);
                throw;
            }

            await SendReplyAsync(delivery, reply, ct);
        });
    }

    /// <summary>
    /// Handles raw binary payloads (streaming audio frames). These run on the receive path, in
    /// arrival order, so the handler must only hand the bytes on.
    /// </summary>
    public void OnBinary(string filter, Action<string, ReadOnlySequence<byte>> handler) =>
        _routes.Add(new Route(filter, RouteKind.Binary, RouteOptions.Default, (_, _) => Task.CompletedTask) { BinaryHandler = handler });


    /// <summary>Adds middleware around every handler, outermost first.</summary>
    public void Use(HandlerMiddleware middleware) => _middleware.Add(middleware);

    // ---- sending ------------------------------------------------------------------------------

    /// <summary>Publishes an event and returns the envelope sent (its message id correlates any answer).</summary>
    public async Task<Envelope> PublishAsync<T>(string topic, T payload, PublishOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= PublishOptions.Default;
        var envelope = CreateEnvelope(MessageType.Event, _json.ToElement(payload), options.Priority, options.Ttl,
            options.CorrelationId, options.SessionId, options.SiteId, options.CausedBy, options.Destination);
        await PublishEnvelopeAsync(topic, envelope, options.Retain,
            options.AtLeastOnce || options.Retain ? MqttQualityOfServiceLevel.AtLeastOnce : MqttQualityOfServiceLevel.AtMostOnce,
            responseTopic: null, correlationData: null, cancellationToken);
        return envelope;
    }

    /// <summary>Publishes raw bytes (not an envelope): streaming audio, or clearing a retained topic with an empty payload.</summary>
    public async Task PublishBinaryAsync(string topic, ReadOnlyMemory<byte> data, bool retain = false, CancellationToken cancellationToken = default)
    {
        var message = new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(data.ToArray())
            .WithRetainFlag(retain)
            .WithQualityOfServiceLevel(retain ? MqttQualityOfServiceLevel.AtLeastOnce : MqttQualityOfServiceLevel.AtMostOnce)
            .Build();
        EnsureAccepted(topic, await _transport.PublishAsync(message, cancellationToken));
    }

    /// <summary>
    /// Sends a command and waits for its result, retrying with exponential backoff and jitter when no
    /// answer comes or the handler failed transiently; after the last attempt the command goes to
    /// <c>alicia/system/deadletter/{service}</c> and this throws <see cref="CommandFailedException"/>.
    /// </summary>
    public async Task<TResult> SendCommandAsync<T, TResult>(string topic, T payload, CommandOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= CommandOptions.Default;
        var maxAttempts = options.MaxAttempts ?? _options.CommandMaxAttempts;
        var timeout = options.AttemptTimeout ?? _options.CommandAttemptTimeout;
        var envelope = CreateEnvelope(MessageType.Command, _json.ToElement(payload), options.Priority, Envelope.DefaultTtl,
            null, options.SessionId, options.SiteId, options.CausedBy, Envelope.Broadcast);
        var responseTopic = await EnsureReplyTopicAsync(options.ResponseTopic, cancellationToken);
        string lastError = "";
        for (var attempt = 1; attempt <= maxAttempts; attempt++)
        {
            if (attempt > 1)
            {
                Metrics.Retried.Increment();
                await Task.Delay(Backoff.Delay(attempt - 1, _options.RetryBaseDelay, _options.RetryMaxDelay), cancellationToken);
            }

            var reply = await RequestAsync(topic, envelope, responseTopic, timeout, cancellationToken);
            if (reply is null)
            {
                lastError = $"no result within {timeout.TotalMilliseconds:0} ms";
                continue;
            }

            if (reply.Ok)
            {
                return ResultOf<TResult>(reply);
            }

            if (!reply.Retryable)
            {
                throw new CommandRejectedException(reply.Error ?? "rejected");
            }

            lastError = reply.Error ?? "failed";
        }

        await DeadLetterAsync(topic, envelope, maxAttempts, lastError, cancellationToken);
        throw new CommandFailedException($"command on {topic} failed after {maxAttempts} attempts: {lastError}");
    }

    /// <summary>Asks once and waits for the answer; throws <see cref="TimeoutException"/> when none comes in time.</summary>
    public async Task<TResult> QueryAsync<T, TResult>(string topic, T payload, CommandOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= CommandOptions.Default;
        var timeout = options.AttemptTimeout ?? _options.QueryTimeout;
        var envelope = CreateEnvelope(MessageType.Query, _json.ToElement(payload), options.Priority, (int)Math.Ceiling(timeout.TotalSeconds) + 1,
            null, options.SessionId, options.SiteId, options.CausedBy, Envelope.Broadcast);
        var responseTopic = await EnsureReplyTopicAsync(options.ResponseTopic, cancellationToken);
        var reply = await RequestAsync(topic, envelope, responseTopic, timeout, cancellationToken)
            ?? throw new TimeoutException($"no answer to the query on {topic} within {timeout.TotalMilliseconds:0} ms");
        return reply.Ok ? ResultOf<TResult>(reply) : throw new CommandFailedException(reply.Error ?? "query failed");
    }

    // ---- lifecycle ----------------------------------------------------------------------------

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        for (var i = 0; i < _options.DispatchConcurrency; i++)
        {
            _workers.Add(Task.Run(() => DispatchLoopAsync(_stopping.Token), CancellationToken.None));
        }

        await _transport.SubscribeAsync(ReplyTopic, MqttQualityOfServiceLevel.AtLeastOnce, cancellationToken);
        foreach (var filter in _routes.Select(r => (r.SubscriptionFilter, r.Kind)).Distinct())
        {
            // Binary streams are fresh-or-useless: QoS 0. Everything else may be QoS 1 from the sender.
            var qos = filter.Kind == RouteKind.Binary ? MqttQualityOfServiceLevel.AtMostOnce : MqttQualityOfServiceLevel.AtLeastOnce;
            await _transport.SubscribeAsync(filter.SubscriptionFilter, qos, cancellationToken);
        }

        await _transport.StartAsync(cancellationToken);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        try
        {
            await Task.WhenAll(_workers).WaitAsync(TimeSpan.FromSeconds(2), cancellationToken);
        }
        catch (Exception e) when (e is OperationCanceledException or TimeoutException)
        {
            // Workers end at cancellation; a handler still running after the grace period is abandoned.
        }

        await _transport.StopAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _transport.DisposeAsync();
        _queue.Dispose();
        _stopping.Dispose();
    }

    /// <summary>An envelope from this service. Derived messages inherit session, site and correlation, and add a hop.</summary>
    public Envelope CreateEnvelope(MessageType type, JsonElement payload, MessagePriority priority, int ttl,
        string? correlationId, string? sessionId, string? siteId, Envelope? causedBy, string destination) =>
        new(
            MessageId: Guid.NewGuid().ToString(),
            Timestamp: Envelope.UnixSeconds(_time.GetUtcNow()),
            Source: _options.ServiceName,
            Destination: destination,
            MessageType: type,
            Priority: priority,
            Ttl: ttl,
            Payload: payload,
            Routing: causedBy?.Routing.NextHop() ?? new Routing(),
            CorrelationId: correlationId ?? causedBy?.CorrelationId,
            SessionId: sessionId ?? causedBy?.SessionId,
            SiteId: siteId ?? causedBy?.SiteId);

    public async Task PublishEnvelopeAsync(string topic, Envelope envelope, bool retain, MqttQualityOfServiceLevel qos,
        string? responseTopic, byte[]? correlationData, CancellationToken cancellationToken)
    {
        var builder = new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(EnvelopeCodec.Encode(envelope))
            .WithContentType("application/json")
            .WithRetainFlag(retain)
            .WithQualityOfServiceLevel(qos);
        if (responseTopic is not null)
        {
            builder.WithResponseTopic(responseTopic);
        }

        if (correlationData is not null)
        {
            builder.WithCorrelationData(correlationData);
        }

        EnsureAccepted(topic, await _transport.PublishAsync(builder.Build(), cancellationToken));
    }

    // ---- receiving ----------------------------------------------------------------------------

    private void AddRoute(string filter, RouteKind kind, RouteOptions? options, Func<Delivery, CancellationToken, Task> invoke)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(filter);
        _routes.Add(new Route(filter, kind, options ?? RouteOptions.Default, invoke));
    }

    /// <summary>Feeds a message to the receive path as MQTTnet would, so the benchmark can time dispatch without a broker.</summary>
    internal void Receive(MqttApplicationMessage message) => OnMessage(message);

    // Runs on MQTTnet's receive loop: decode, answer pending requests, queue the rest. Never blocks.
    private void OnMessage(MqttApplicationMessage message)
    {
        var topic = message.Topic;
        List<Route>? matched = null;
        foreach (var route in _routes)
        {
            if (!TopicFilter.Matches(route.Filter, topic))
            {
                continue;
            }

            if (route.Kind == RouteKind.Binary)
            {
                Metrics.Delivered.Increment();
                InvokeBinary(route, topic, message.Payload);
                return;
            }

            (matched ??= []).Add(route);
        }

        var isReply = topic == ReplyTopic || _replyTopics.Contains(topic);
        if (matched is null && !isReply)
        {
            return;
        }

        if (message.Payload.IsEmpty)
        {
            // A cleared retained topic, not a message. Subscribers that were already there get the clearing
            // publish without the retain flag, so the flag cannot tell; no envelope is ever empty.
            return;
        }

        if (!_codec.TryDecode(message.Payload, out var envelope, out var rejection))
        {
            Reject(topic, rejection);
            return;
        }

        Metrics.Delivered.Increment();
        if (_pending.TryComplete(envelope) || matched is null)
        {
            return;
        }

        var accepting = matched.Where(r => r.Accepts(envelope.MessageType)).ToList();
        if (accepting.Count == 0)
        {
            Reject(topic, new Rejection("wrong_message_type", $"{envelope.MessageType} is not handled on {matched[0].Filter}"));
            return;
        }

        var delivery = new Delivery(topic, envelope, accepting, message.ResponseTopic, message.CorrelationData);
        var policy = accepting.Any(r => r.Options.Backpressure == BackpressurePolicy.RejectNew)
            ? BackpressurePolicy.RejectNew
            : BackpressurePolicy.DropOldest;
        switch (_queue.TryEnqueue(delivery, envelope.Priority, policy, out var evicted))
        {
            case EnqueueOutcome.QueuedAfterDroppingOldest:
                Metrics.Dropped.Increment();
                _rejectionLog.Dropped(evicted!.Topic, "queue full: dropped the oldest lower-priority message");
                break;
            case EnqueueOutcome.Rejected:
                Metrics.Dropped.Increment();
                _rejectionLog.Dropped(topic, "queue full: refused the new message");
                if (envelope.MessageType is MessageType.Command or MessageType.Query)
                {
                    _ = SendReplyAsync(delivery, new Reply(false, Error: $"{Service} is overloaded", Retryable: true), CancellationToken.None);
                }

                break;
        }
    }

    private void InvokeBinary(Route route, string topic, ReadOnlySequence<byte> payload)
    {
        try
        {
            route.BinaryHandler!(topic, payload);
            Metrics.Handled.Increment();
        }
        catch (Exception e)
        {
            Metrics.Failed.Increment();
            _logger.LogError(e, "Binary handler for {Topic} failed", topic);
        }
    }

    private void Reject(string topic, Rejection rejection)
    {
        if (rejection.Reason == "expired")
        {
            Metrics.Expired.Increment();
        }
        else
        {
            Metrics.CountRejection(rejection.Reason);
        }

        _rejectionLog.Rejected(topic, rejection);
    }

    private async Task DispatchLoopAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            Delivery delivery;
            try
            {
                delivery = await _queue.DequeueAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            if (delivery.Envelope.IsExpiredAt(_time.GetUtcNow()))
            {
                Reject(delivery.Topic, new Rejection("expired", "ttl passed while queued"));
                continue;
            }

            if (delivery.Routes.Count == 1)
            {
                await InvokeAsync(delivery.Routes[0], delivery, cancellationToken);
            }
            else
            {
                // Several handlers for one message run side by side; one failing does not affect the others.
                await Task.WhenAll(delivery.Routes.Select(route => InvokeAsync(route, delivery, cancellationToken)));
            }
        }
    }

    private async Task InvokeAsync(Route route, Delivery delivery, CancellationToken cancellationToken)
    {
        var context = new HandlerContext(Service, route, delivery);
        Func<Task> pipeline = () => route.Invoke(delivery, cancellationToken);
        for (var i = _middleware.Count - 1; i >= 0; i--)
        {
            var middleware = _middleware[i];
            var next = pipeline;
            pipeline = () => middleware(context, next);
        }

        var started = Stopwatch.GetTimestamp();
        try
        {
            await pipeline();
            Metrics.Handled.Increment();
        }
        catch (PayloadException e)
        {
            Reject(delivery.Topic, new Rejection("invalid_payload", e.Message));
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Metrics.Failed.Increment();
            _logger.LogError(e, "Handler for {Filter} failed on message {MessageId} from {Source}",
                route.Filter, delivery.Envelope.MessageId, delivery.Envelope.Source);
        }
        finally
        {
            Metrics.HandlerDuration(route.Filter).Record(Stopwatch.GetElapsedTime(started));
        }
    }

    private async Task RunCommandAsync(Delivery delivery, Func<CancellationToken, Task<JsonElement>> run, CancellationToken cancellationToken)
    {
        var id = delivery.Envelope.MessageId;
        switch (_completed.TryClaim(id, out var previous))
        {
            case CompletedCommands.Claim.AlreadyDone:
                Metrics.Duplicates.Increment();
                await SendReplyAsync(delivery, previous!, cancellationToken);
                return;
            case CompletedCommands.Claim.AlreadyRunning:
                Metrics.Duplicates.Increment();
                return;
        }

        Reply reply;
        try
        {
            reply = new Reply(true, await run(cancellationToken));
            _completed.Complete(id, reply, remember: true);
        }
        catch (CommandRejectedException e)
        {
            reply = new Reply(false, Error: e.Message, Retryable: false);
            _completed.Complete(id, reply, remember: true);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A transient failure is not remembered, so the sender's retry runs the handler again.
            var transient = IsTransient(e);
            reply = new Reply(false, Error: e.Message, Retryable: transient);
            _completed.Complete(id, reply, remember: !transient);
            await SendReplyAsync(delivery, reply, cancellationToken);
            throw;
        }

        await SendReplyAsync(delivery, reply, cancellationToken);
    }

    private async Task SendReplyAsync(Delivery delivery, Reply reply, CancellationToken cancellationToken)
    {
        if (delivery.ResponseTopic is null)
        {
            return; // Sent fire-and-forget (e.g. from mosquitto_pub): nobody to answer.
        }

        var request = delivery.Envelope;
        var envelope = CreateEnvelope(MessageType.Response, _json.ToElement(reply), request.Priority, request.Ttl,
            request.MessageId, null, null, request, request.Source);
        try
        {
            await PublishEnvelopeAsync(delivery.ResponseTopic, envelope, retain: false, MqttQualityOfServiceLevel.AtLeastOnce,
                responseTopic: null, delivery.CorrelationData, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _logger.LogError("Could not answer {MessageId} on {Topic}: {Error}", request.MessageId, delivery.ResponseTopic, e.Message);
        }
    }

    private async Task<Reply?> RequestAsync(string topic, Envelope envelope, string responseTopic, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var answer = _pending.Expect(envelope.MessageId);
        try
        {
            await PublishEnvelopeAsync(topic, envelope, retain: false, MqttQualityOfServiceLevel.AtLeastOnce,
                responseTopic, Encoding.UTF8.GetBytes(envelope.MessageId), cancellationToken);
            var response = await answer.WaitAsync(timeout, _time, cancellationToken);
            return _json.FromElement<Reply>(response.Payload);
        }
        catch (TimeoutException)
        {
            return null;
        }
        catch (JsonException e)
        {
            throw new CommandFailedException($"malformed reply to {envelope.MessageId}: {e.Message}");
        }
        finally
        {
            _pending.Forget(envelope.MessageId);
        }
    }

    private async Task<string> EnsureReplyTopicAsync(string? responseTopic, CancellationToken cancellationToken)
    {
        if (responseTopic is null || responseTopic == ReplyTopic)
        {
            return ReplyTopic;
        }

        bool added;
        lock (_replyTopics)
        {
            added = _replyTopics.Add(responseTopic);
        }

        if (added)
        {
            await _transport.SubscribeAsync(responseTopic, MqttQualityOfServiceLevel.AtLeastOnce, cancellationToken);
        }

        return responseTopic;
    }

    private async Task DeadLetterAsync(string topic, Envelope command, int attempts, string reason, CancellationToken cancellationToken)
    {
        Metrics.DeadLettered.Increment();
        _logger.LogError("Command {MessageId} on {Topic} dead-lettered after {Attempts} attempts: {Reason}", command.MessageId, topic, attempts, reason);
        await PublishAsync(Topics.DeadLetter.Of(Service), new DeadLetter(topic, command, attempts, reason),
            new PublishOptions { AtLeastOnce = true, Ttl = Envelope.NeverExpires, CausedBy = command }, cancellationToken);
    }

    private static bool IsTransient(Exception e) => e is not (CommandRejectedException or PayloadException);

    private TResult ResultOf<TResult>(Reply reply) =>
        reply.Result is { } result ? _json.FromElement<TResult>(result) : throw new CommandFailedException("reply has no result");

    private static T Payload<T>(Delivery delivery, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo)
    {
        try
        {
            return delivery.Envelope.Payload.Deserialize(typeInfo) ?? throw new PayloadException($"payload is null, expected {typeof(T).Name}");
        }
        catch (JsonException e)
        {
            throw new PayloadException($"payload is not a valid {typeof(T).Name}: {e.Message}");
        }
    }

    private static void EnsureAccepted(string topic, MqttClientPublishResult? result)
    {
        if (result is not null && !result.IsSuccess)
        {
            throw new BusPublishException(topic, result.ReasonCode.ToString());
        }
    }

    private MqttApplicationMessage OfflineWill()
    {
        var report = new HealthReport(_options.ServiceName, _options.Instance, HealthState.Offline, Version, 0, 0, 0,
            _options.HealthInterval.TotalSeconds);
        var envelope = CreateEnvelope(MessageType.Event, _json.ToElement(report), MessagePriority.System, Envelope.NeverExpires,
            null, null, null, null, Envelope.Broadcast);
        return new MqttApplicationMessageBuilder()
            .WithTopic(Topics.Health.Of(_options.ServiceName))
            .WithPayload(EnvelopeCodec.Encode(envelope))
            .Build();
    }
}
