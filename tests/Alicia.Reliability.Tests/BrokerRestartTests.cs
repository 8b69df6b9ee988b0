using System.Collections.Concurrent;
using Alicia.Bus;
using Alicia.Contracts;
using Alicia.Contracts.Voice;
using Alicia.Testing;
using Xunit.Abstractions;

namespace Alicia.Reliability.Tests;

/// <summary>
/// kill -9 of the broker while commands are in flight: every service reconnects, and every command is
/// handled exactly once from the handler's point of view (retries plus idempotency by message id).
/// </summary>
public sealed class BrokerRestartTests(ITestOutputHelper output) : IAsyncLifetime
{
    private MosquittoBroker _broker = null!;

    public async Task InitializeAsync() => _broker = await MosquittoBroker.StartAsync();

    public async Task DisposeAsync() => await _broker.DisposeAsync();

    [Fact]
    public async Task Commands_sent_around_a_broker_crash_are_all_handled_exactly_once()
    {
        var total = Scale.Pick(300, 3000);
        var runs = new ConcurrentDictionary<string, int>();
        await using var tts = Clients.Create(_broker, ServiceNames.Tts);
        tts.OnCommand<TtsRequest, TtsResponse>(Topics.Tts.Request, async (m, ct) =>
        {
            runs.AddOrUpdate(m.Envelope.MessageId, 1, (_, n) => n + 1);
            await Task.Delay(2, ct);
            return new TtsResponse("", 0, 0, m.Payload.Text);
        });
        await tts.StartAsync();
        await using var router = await Clients.Create(_broker, ServiceNames.VoiceRouter).StartAsync();

        var completed = 0;
        var options = new CommandOptions { MaxAttempts = 30, AttemptTimeout = TimeSpan.FromSeconds(1) };
        using var gate = new SemaphoreSlim(16);
        var sends = Enumerable.Range(0, total).Select(async i =>
        {
            await gate.WaitAsync();
            try
            {
                var reply = await router.SendCommandAsync<TtsRequest, TtsResponse>(Topics.Tts.Request, new TtsRequest($"n{i}"), options);
                Assert.Equal($"n{i}", reply.Voice);
                Interlocked.Increment(ref completed);
            }
            finally
            {
                gate.Release();
            }
        }).ToList();

        await Clients.EventuallyAsync(() => Volatile.Read(ref completed) >= total / 3, TimeSpan.FromSeconds(60), "a third of the commands");
        await _broker.KillAsync();
        await Task.Delay(1000);
        await _broker.StartAgainAsync();
        await Task.WhenAll(sends);

        var handled = runs.Count;
        var duplicatesRun = runs.Values.Count(n => n > 1);
        var report = $"sent {total}, handled {handled}, run twice {duplicatesRun}, duplicates suppressed {tts.Metrics.Duplicates.Value}, " +
                     $"retries {router.Metrics.Retried.Value}, reconnects {router.Metrics.Reconnects.Value + tts.Metrics.Reconnects.Value}, lost {total - completed}";
        output.WriteLine(report);
        Scale.Report("kill -9 of the broker with commands in flight", report);
        Assert.Equal(total, completed);
        Assert.Equal(total, handled);
        Assert.Equal(0, duplicatesRun);
        Assert.True(router.Metrics.Reconnects.Value >= 1 && tts.Metrics.Reconnects.Value >= 1);
        Assert.Equal(0, router.Metrics.DeadLettered.Value);
    }
}
