using Alicia.Contracts;

namespace Alicia.Bus.Tests;

public sealed class PriorityInboxTests
{
    [Fact]
    public async Task Hands_out_highest_priority_first_and_fifo_within_a_priority()
    {
        using var inbox = new PriorityInbox<string>(10);
        inbox.TryEnqueue("external-1", MessagePriority.External, BackpressurePolicy.DropOldest, out _);
        inbox.TryEnqueue("system-1", MessagePriority.System, BackpressurePolicy.DropOldest, out _);
        inbox.TryEnqueue("external-2", MessagePriority.External, BackpressurePolicy.DropOldest, out _);
        inbox.TryEnqueue("interactive", MessagePriority.Interactive, BackpressurePolicy.DropOldest, out _);
        inbox.TryEnqueue("critical", MessagePriority.Critical, BackpressurePolicy.DropOldest, out _);

        var order = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            order.Add(await inbox.DequeueAsync(CancellationToken.None));
        }

        Assert.Equal(["critical", "interactive", "system-1", "external-1", "external-2"], order);
        Assert.Equal(0, inbox.Count);
    }

    [Fact]
    public void When_full_drop_oldest_evicts_the_oldest_least_important_message()
    {
        using var inbox = new PriorityInbox<string>(2);
        inbox.TryEnqueue("low-old", MessagePriority.Low, BackpressurePolicy.DropOldest, out _);
        inbox.TryEnqueue("low-new", MessagePriority.Low, BackpressurePolicy.DropOldest, out _);

        var outcome = inbox.TryEnqueue("interactive", MessagePriority.Interactive, BackpressurePolicy.DropOldest, out var evicted);

        Assert.Equal(EnqueueOutcome.QueuedAfterDroppingOldest, outcome);
        Assert.Equal("low-old", evicted);
        Assert.Equal(2, inbox.Count);
    }

    [Fact]
    public void When_full_a_message_never_evicts_something_more_important()
    {
        using var inbox = new PriorityInbox<string>(1);
        inbox.TryEnqueue("interactive", MessagePriority.Interactive, BackpressurePolicy.DropOldest, out _);

        var outcome = inbox.TryEnqueue("low", MessagePriority.Low, BackpressurePolicy.DropOldest, out _);

        Assert.Equal(EnqueueOutcome.Rejected, outcome);
        Assert.True(inbox.TryDequeue(out var left));
        Assert.Equal("interactive", left);
    }

    [Fact]
    public void When_full_reject_new_keeps_the_queue_as_it_was()
    {
        using var inbox = new PriorityInbox<int>(3);
        for (var i = 0; i < 3; i++)
        {
            inbox.TryEnqueue(i, MessagePriority.Normal, BackpressurePolicy.RejectNew, out _);
        }

        Assert.Equal(EnqueueOutcome.Rejected, inbox.TryEnqueue(99, MessagePriority.Critical, BackpressurePolicy.RejectNew, out _));
        Assert.Equal(3, inbox.Count);
    }

    [Fact]
    public async Task A_waiting_consumer_wakes_for_a_new_message()
    {
        using var inbox = new PriorityInbox<string>(4);
        var waiting = inbox.DequeueAsync(CancellationToken.None).AsTask();
        Assert.False(waiting.IsCompleted);

        inbox.TryEnqueue("hello", MessagePriority.Normal, BackpressurePolicy.DropOldest, out _);

        Assert.Equal("hello", await waiting.WaitAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task Concurrent_producers_and_consumers_lose_nothing()
    {
        using var inbox = new PriorityInbox<int>(100_000);
        var priorities = Enum.GetValues<MessagePriority>();
        var producers = Enumerable.Range(0, 4).Select(p => Task.Run(() =>
        {
            for (var i = 0; i < 10_000; i++)
            {
                inbox.TryEnqueue((p * 10_000) + i, priorities[i % priorities.Length], BackpressurePolicy.RejectNew, out _);
            }
        }));
        var seen = new System.Collections.Concurrent.ConcurrentBag<int>();
        using var done = new CancellationTokenSource();
        var consumers = Enumerable.Range(0, 3).Select(_ => Task.Run(async () =>
        {
            while (seen.Count < 40_000 && !done.IsCancellationRequested)
            {
                seen.Add(await inbox.DequeueAsync(done.Token));
            }
        })).ToArray();

        await Task.WhenAll(producers);
        await TestSupportWait.UntilAsync(() => seen.Count == 40_000, TimeSpan.FromSeconds(10));
        await done.CancelAsync();

        Assert.Equal(40_000, seen.Distinct().Count());
    }
}
