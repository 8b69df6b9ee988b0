using System.Collections.Concurrent;
using Alicia.Bus.Tests.Support;
using Alicia.Contracts;

namespace Alicia.Bus.Tests;

/// <summary>The broker is killed (-9) and started again: subscriptions come back and nothing published meanwhile is lost.</summary>
public sealed class ReconnectTests(BrokerFixture fixture) : IClassFixture<BrokerFixture>
{
    [Fact]
    public async Task Services_reconnect_restore_subscriptions_and_send_what_they_queued()
    {
        var broker = fixture.Broker;
        var received = new ConcurrentQueue<int>();
        await using var stt = await TestBus.StartedAsync(broker, "stt", bus =>
            bus.OnEvent<Note>(Topics.Stt.Request, (m, _) =>
            {
                received.Enqueue(m.Payload.Number);
                return Task.CompletedTask;
            }));
        await using var router = await TestBus.StartedAsync(broker, "voice-router");
        await router.PublishAsync(Topics.Stt.Request, new Note("before", 0), new PublishOptions { AtLeastOnce = true });
        await TestBus.EventuallyAsync(() => received.Count == 1, TimeSpan.FromSeconds(10), "the first message");

        // A crash after the broker's periodic autosave: the subscriber's persistent session survives it,
        // so what the publisher sends from its outbox is kept for the subscriber even if it reconnects later.
        await broker.SavePersistenceAsync();
        await broker.KillAsync();
        await TestBus.EventuallyAsync(() => !router.IsConnected && !stt.IsConnected, TimeSpan.FromSeconds(10), "both to notice");
        for (var i = 1; i <= 20; i++)
        {
            await router.PublishAsync(Topics.Stt.Request, new Note("while down", i), new PublishOptions { AtLeastOnce = true });
        }

        await broker.StartAgainAsync();

        await TestBus.EventuallyAsync(() => received.Count == 21, TimeSpan.FromSeconds(15), "the queued messages after the restart");
        Assert.Equal(Enumerable.Range(0, 21), received.Order());
        Assert.True(router.Metrics.Reconnects.Value >= 1);
        Assert.True(stt.Metrics.Reconnects.Value >= 1);
        Assert.Equal(0, router.Metrics.OutboxDropped.Value);
    }
}
