using System.Collections.Concurrent;
using System.Text.Json;
using Alicia.Bus.Tests.Support;
using Alicia.Contracts;
using Alicia.Testing;
using MQTTnet;

namespace Alicia.Bus.Tests;

/// <summary>
/// Each messaging pattern end to end through a real mosquitto with the project's config and ACL,
/// using real service identities on the topics the ACL grants them.
/// </summary>
public sealed class BusPatternsTests(BrokerFixture fixture) : IClassFixture<BrokerFixture>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);
    private MosquittoBroker Broker => fixture.Broker;

    [Fact]
    public async Task An_event_fans_out_to_every_subscribing_service_and_a_failing_handler_hurts_no_one()
    {
        var received = new ConcurrentDictionary<string, Note>();
        await using var router = await TestBus.StartedAsync(Broker, "voice-router", bus =>
        {
            bus.OnEvent<Note>(Topics.Ai.Response, (_, _) => throw new InvalidOperationException("boom"));
            bus.OnEvent<Note>(Topics.Ai.Response, (m, _) => Task.FromResult(received["voice-router"] = m.Payload));
        });
        await using var dashboard = await TestBus.StartedAsync(Broker, "dashboard", bus =>
            bus.OnEvent<Note>("alicia/voice/#", (m, _) => Task.FromResult(received["dashboard"] = m.Payload)));
        await using var cli = await TestBus.StartedAsync(Broker, "cli", bus =>
            bus.OnEvent<Note>("alicia/voice/ai/+", (m, _) => Task.FromResult(received["cli"] = m.Payload)));
        await using var ai = await TestBus.StartedAsync(Broker, "ai");

        await ai.PublishAsync(Topics.Ai.Response, new Note("lights on", 1), new PublishOptions { AtLeastOnce = true });

        await TestBus.EventuallyAsync(() => received.Count == 3, Wait, "three subscribers");
        Assert.All(received.Values, note => Assert.Equal("lights on", note.Text));
        await TestBus.EventuallyAsync(() => router.Metrics.Failed.Value == 1, Wait, "the failing handler to be counted");
    }

    [Fact]
    public async Task A_qos1_publish_its_caller_cancels_while_waiting_for_the_broker_does_not_hold_up_later_ones()
    {
        var received = new ConcurrentQueue<int>();
        await using var stt = await TestBus.StartedAsync(Broker, "stt", bus =>
            bus.OnEvent<Note>(Topics.Stt.Request, (m, _) =>
            {
                received.Enqueue(m.Payload.Number);
                return Task.CompletedTask;
            }));
        await using var router = await TestBus.StartedAsync(Broker, "voice-router");

        // Cancelled right after the write, while the PUBACK is awaited: MQTTnet reports that as a communication
        // timeout, which is not a lost connection, so nothing may wait in the outbox for a reconnect that never comes.
        var cancelled = 0;
        for (var i = 0; i < 50; i++)
        {
            using var cancel = new CancellationTokenSource();
            var publish = router.PublishAsync(Topics.Stt.Request, new Note("cancelled", i), new PublishOptions { AtLeastOnce = true }, cancel.Token);
            await cancel.CancelAsync();
            try
            {
                await publish;
            }
            catch (OperationCanceledException)
            {
                cancelled++;
            }
        }

        await router.PublishAsync(Topics.Stt.Request, new Note("after", -1), new PublishOptions { AtLeastOnce = true });
        await TestBus.EventuallyAsync(() => received.Contains(-1), Wait, "the publish after the cancelled ones");
        Assert.True(cancelled > 0, "no publish was cancelled while it waited for the broker");
        Assert.True(router.IsConnected);
    }

    [Fact]
    public async Task Concurrent_qos0_events_all_arrive_and_each_publisher_keeps_its_order()
    {
        const int Publishers = 16;
        const int PerPublisher = 250;
        var received = new ConcurrentQueue<Note>();
        await using var router = await TestBus.StartedAsync(Broker, "voice-router", bus =>
            bus.OnEvent<Note>(Topics.Ai.Response, (m, _) =>
            {
                received.Enqueue(m.Payload);
                return Task.CompletedTask;
            }), options => options.DispatchConcurrency = 1);
        await using var ai = await TestBus.StartedAsync(Broker, "ai");

        await Task.WhenAll(Enumerable.Range(0, Publishers).Select(p => Task.Run(async () =>
        {
            for (var i = 0; i < PerPublisher; i++)
            {
                await ai.PublishAsync(Topics.Ai.Response, new Note($"publisher {p}", i));
            }
        })));

        await TestBus.EventuallyAsync(() => received.Count == Publishers * PerPublisher, Wait, "every event");
        foreach (var publisher in received.GroupBy(n => n.Text))
        {
            Assert.Equal(Enumerable.Range(0, PerPublisher), publisher.Select(n => n.Number));
        }
    }

    [Fact]
    public async Task A_command_gets_exactly_one_result()
    {
        var runs = 0;
        await using var tts = await TestBus.StartedAsync(Broker, "tts", bus =>
            bus.OnCommand<Note, Note>(Topics.Tts.Request, (m, _) =>
            {
                Interlocked.Increment(ref runs);
                return Task.FromResult(new Note(m.Payload.Text.ToUpperInvariant(), m.Payload.Number + 1));
            }));
        await using var router = await TestBus.StartedAsync(Broker, "voice-router");

        var result = await router.SendCommandAsync<Note, Note>(Topics.Tts.Request, new Note("hello", 41));

        Assert.Equal(new Note("HELLO", 42), result);
        Assert.Equal(1, runs);
    }

    [Fact]
    public async Task A_retried_command_runs_once_and_its_duplicates_are_counted()
    {
        var runs = 0;
        await using var tts = await TestBus.StartedAsync(Broker, "tts", bus =>
            bus.OnCommand<Note, Note>(Topics.Tts.Request, async (m, ct) =>
            {
                // Slower than the sender's attempt timeout, so the sender retries with the same id.
                Interlocked.Increment(ref runs);
                await Task.Delay(700, ct);
                return m.Payload;
            }));
        await using var router = await TestBus.StartedAsync(Broker, "voice-router");

        var result = await router.SendCommandAsync<Note, Note>(Topics.Tts.Request, new Note("once"),
            new CommandOptions { AttemptTimeout = TimeSpan.FromMilliseconds(300), MaxAttempts = 6 });

        Assert.Equal("once", result.Text);
        Assert.Equal(1, runs);
        Assert.True(router.Metrics.Retried.Value >= 1);
        Assert.True(tts.Metrics.Duplicates.Value >= 1);
    }

    [Fact]
    public async Task A_failing_command_is_retried_with_backoff_then_dead_lettered()
    {
        var attempts = 0;
        await using var tts = await TestBus.StartedAsync(Broker, "tts", bus =>
            bus.OnCommand<Note, Note>(Topics.Tts.Request, (_, _) =>
            {
                Interlocked.Increment(ref attempts);
                throw new IOException("speaker on fire");
            }));
        await using var router = await TestBus.StartedAsync(Broker, "voice-router");
        await using var watcher = await MessageRecorder.StartAsync(Broker, "cli", [Topics.DeadLetter.Of("voice-router")]);

        var failure = await Assert.ThrowsAsync<CommandFailedException>(() =>
            router.SendCommandAsync<Note, Note>(Topics.Tts.Request, new Note("doomed"), new CommandOptions { MaxAttempts = 3 }));

        Assert.Contains("speaker on fire", failure.Message, StringComparison.Ordinal);
        Assert.Equal(3, attempts);
        Assert.Equal(2, router.Metrics.Retried.Value);
        var letter = await watcher.WaitForTopicAsync(Topics.DeadLetter.Of("voice-router"), Wait);
        var payload = JsonDocument.Parse(letter.Payload).RootElement.GetProperty("payload");
        Assert.Equal(Topics.Tts.Request, payload.GetProperty("topic").GetString());
        Assert.Equal(3, payload.GetProperty("attempts").GetInt32());
        Assert.Equal("doomed", payload.GetProperty("command").GetProperty("payload").GetProperty("text").GetString());
    }

    [Fact]
    public async Task A_rejected_command_fails_at_once_without_retries()
    {
        await using var tts = await TestBus.StartedAsync(Broker, "tts", bus =>
            bus.OnCommand<Note, Note>(Topics.Tts.Request, (_, _) => throw new CommandRejectedException("text is empty")));
        await using var router = await TestBus.StartedAsync(Broker, "voice-router");

        var error = await Assert.ThrowsAsync<CommandRejectedException>(() =>
            router.SendCommandAsync<Note, Note>(Topics.Tts.Request, new Note("")));

        Assert.Equal("text is empty", error.Message);
        Assert.Equal(0, router.Metrics.Retried.Value);
    }

    [Fact]
    public async Task A_query_is_answered_on_the_response_topic()
    {
        await using var discovery = await TestBus.StartedAsync(Broker, "discovery", bus =>
            bus.OnQuery<Note, Note>(Topics.Discovery.Query, (m, _) => Task.FromResult(new Note($"providers of {m.Payload.Text}", 2))));
        await using var cli = await TestBus.StartedAsync(Broker, "cli");

        var answer = await cli.QueryAsync<Note, Note>(Topics.Discovery.Query, new Note("stt"));

        Assert.Equal(new Note("providers of stt", 2), answer);
    }

    [Fact]
    public async Task A_query_nobody_answers_times_out()
    {
        await using var cli = await TestBus.StartedAsync(Broker, "cli");

        var error = await Assert.ThrowsAsync<TimeoutException>(() =>
            cli.QueryAsync<Note, Note>(Topics.Config.Request, new Note("stt"), new CommandOptions { AttemptTimeout = TimeSpan.FromMilliseconds(300) }));

        Assert.Contains(Topics.Config.Request, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_interactive_message_overtakes_a_backlog_of_external_work()
    {
        var order = new ConcurrentQueue<string>();
        using var gate = new SemaphoreSlim(0);
        await using var stt = await TestBus.StartedAsync(Broker, "stt", bus =>
            bus.OnEvent<Note>(Topics.Stt.Request, async (m, ct) =>
            {
                if (m.Payload.Text == "first")
                {
                    await gate.WaitAsync(ct);
                }

                order.Enqueue(m.Payload.Text);
            }), options => options.DispatchConcurrency = 1);
        await using var router = await TestBus.StartedAsync(Broker, "voice-router");

        await router.PublishAsync(Topics.Stt.Request, new Note("first"), new PublishOptions { AtLeastOnce = true, Priority = MessagePriority.External });
        for (var i = 0; i < 200; i++)
        {
            await router.PublishAsync(Topics.Stt.Request, new Note($"background-{i}"), new PublishOptions { AtLeastOnce = true, Priority = MessagePriority.External });
        }

        await router.PublishAsync(Topics.Stt.Request, new Note("urgent"), new PublishOptions { AtLeastOnce = true, Priority = MessagePriority.Interactive });
        await TestBus.EventuallyAsync(() => stt.QueueDepth == 201, Wait, "the backlog to queue up");
        gate.Release();

        await TestBus.EventuallyAsync(() => order.Count == 202, Wait, "everything handled");
        Assert.Equal(["first", "urgent"], order.Take(2));
    }

    [Fact]
    public async Task Expired_and_malformed_messages_are_dropped_and_counted_while_good_ones_are_handled()
    {
        var handled = new ConcurrentQueue<string>();
        await using var stt = await TestBus.StartedAsync(Broker, "stt", bus =>
            bus.OnEvent<Note>(Topics.Stt.Request, (m, _) =>
            {
                handled.Enqueue(m.Payload.Text);
                return Task.CompletedTask;
            }));
        using var raw = await TestMqtt.ConnectAsync(Broker, "voice-router");
        var old = Envelope.UnixSeconds(DateTimeOffset.UtcNow.AddMinutes(-10));
        string[] bad =
        [
            "not json",
            "{\"truncated\": ",
            Raw("e1", old, ttl: 60, payload: "{\"text\":\"expired\"}"),
            Raw("h1", Envelope.UnixSeconds(DateTimeOffset.UtcNow), ttl: 60, payload: "{\"text\":\"looping\"}", hops: 11),
            Raw("p1", Envelope.UnixSeconds(DateTimeOffset.UtcNow), ttl: 60, payload: "{\"text\":42}"),
        ];
        foreach (var payload in bad)
        {
            await raw.PublishStringAsync(Topics.Stt.Request, payload, MQTTnet.Protocol.MqttQualityOfServiceLevel.AtLeastOnce);
        }

        await raw.PublishStringAsync(Topics.Stt.Request,
            Raw("g1", Envelope.UnixSeconds(DateTimeOffset.UtcNow), ttl: 60, payload: "{\"text\":\"good\"}"), MQTTnet.Protocol.MqttQualityOfServiceLevel.AtLeastOnce);

        await TestBus.EventuallyAsync(() => handled.Contains("good"), Wait, "the good message");
        Assert.Equal(["good"], handled);
        Assert.Equal(1, stt.Metrics.Expired.Value);
        Assert.Equal(4, stt.Metrics.Rejected.Value);
        Assert.Equal(2, stt.Metrics.RejectionsByReason["invalid_json"].Value);
        Assert.Equal(1, stt.Metrics.RejectionsByReason["hop_limit"].Value);
        Assert.Equal(1, stt.Metrics.RejectionsByReason["invalid_payload"].Value);
    }

    private static string Raw(string id, double timestamp, int ttl, string payload, int hops = 0) =>
        $$$"""{"message_id":"{{{id}}}","timestamp":{{{timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture)}}},"source":"voice-router","destination":"broadcast","message_type":"event","priority":"normal","ttl":{{{ttl}}},"payload":{{{payload}}},"routing":{"hops":{{{hops}}},"max_hops":10}}""";
}
