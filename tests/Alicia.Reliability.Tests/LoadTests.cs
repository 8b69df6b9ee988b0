using System.Collections.Concurrent;
using System.Diagnostics;
using Alicia.Bus;
using Alicia.Contracts;
using Alicia.Contracts.Voice;
using Alicia.Testing;
using MQTTnet;
using Xunit.Abstractions;

namespace Alicia.Reliability.Tests;

/// <summary>Many connections, sustained QoS 1 load with zero loss, and backpressure that is counted, never silent.</summary>
public sealed class LoadTests(ITestOutputHelper output) : IAsyncLifetime
{
    private MosquittoBroker _broker = null!;

    public async Task InitializeAsync() => _broker = await MosquittoBroker.StartAsync();

    public async Task DisposeAsync() => await _broker.DisposeAsync();

    [Fact]
    public async Task Many_simultaneous_clients_are_held_while_the_bus_keeps_answering()
    {
        var count = Scale.Pick(200, 1000);
        await using var discovery = Clients.Create(_broker, ServiceNames.Discovery);
        discovery.OnQuery<AiRequest, AiRequest>(Topics.Discovery.Query, (m, _) => Task.FromResult(m.Payload));
        await discovery.StartAsync();
        await using var cli = await Clients.Create(_broker, ServiceNames.Cli).StartAsync();

        var satellites = new ConcurrentBag<IMqttClient>();
        try
        {
            await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (_, ct) =>
                satellites.Add(await TestMqtt.ConnectAsync(_broker, ServiceNames.Cli, ct: ct)));
            Assert.Equal(count, satellites.Count(s => s.IsConnected));

            var latencies = new List<double>();
            for (var i = 0; i < 50; i++)
            {
                var started = Stopwatch.GetTimestamp();
                var answer = await cli.QueryAsync<AiRequest, AiRequest>(Topics.Discovery.Query, new AiRequest($"q{i}"));
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                Assert.Equal($"q{i}", answer.Text);
            }

            await Task.Delay(Scale.Pick(500, 10_000));
            Assert.Equal(count, satellites.Count(s => s.IsConnected));
            latencies.Sort();
            var report = $"{count} clients held, 50 queries answered meanwhile (p50 {latencies[25]:0.0} ms, max {latencies[^1]:0.0} ms)";
            output.WriteLine(report);
            Scale.Report("simultaneous connections", report);
        }
        finally
        {
            foreach (var satellite in satellites)
            {
                satellite.Dispose();
            }
        }
    }

    [Fact]
    public async Task Sustained_qos1_load_loses_nothing()
    {
        var seconds = Scale.Pick(5, 60);
        const int perSecond = 1000;
        var received = new ConcurrentDictionary<string, byte>();
        await using var stt = Clients.Create(_broker, ServiceNames.Stt);
        stt.OnEvent<SessionStart>(Topics.Session.AllStart, (m, _) =>
        {
            received.TryAdd(m.Payload.Text!, 0);
            return Task.CompletedTask;
        });
        await stt.StartAsync();
        await using var cli = await Clients.Create(_broker, ServiceNames.Cli).StartAsync();

        var sent = 0;
        var clock = Stopwatch.StartNew();
        using var pace = new PeriodicTimer(TimeSpan.FromMilliseconds(10));
        while (clock.Elapsed < TimeSpan.FromSeconds(seconds))
        {
            var due = (int)(clock.Elapsed.TotalSeconds * perSecond);
            for (; sent < due; sent++)
            {
                await cli.PublishAsync(Topics.Session.Start("load"), new SessionStart($"{sent}"), new PublishOptions { AtLeastOnce = true });
            }

            await pace.WaitForNextTickAsync();
        }

        await Clients.EventuallyAsync(() => received.Count == sent, TimeSpan.FromSeconds(30), $"all {sent} messages");
        var report = $"{sent} QoS 1 events in {seconds} s ({perSecond}/s): received {received.Count}, lost {sent - received.Count}, " +
                     $"rejected {stt.Metrics.Rejected.Value}, dropped {stt.Metrics.Dropped.Value}";
        output.WriteLine(report);
        Scale.Report("sustained QoS 1 load", report);
        Assert.Equal(0, stt.Metrics.Dropped.Value);
    }

    [Fact]
    public async Task A_flood_past_the_inbox_bound_is_dropped_and_counted_while_interactive_messages_get_through()
    {
        var flood = Scale.Pick(3000, 30_000);
        var handled = 0;
        var handledAtInteractive = -1;
        await using var stt = Clients.Create(_broker, ServiceNames.Stt, o =>
        {
            o.QueueCapacity = 200;
            o.DispatchConcurrency = 1;
        });
        stt.OnEvent<SessionStart>(Topics.Session.AllStart, async (m, ct) =>
        {
            if (m.Payload.Text == "interactive")
            {
                handledAtInteractive = Volatile.Read(ref handled);
            }

            Interlocked.Increment(ref handled);
            await Task.Delay(1, ct);
        });
        await stt.StartAsync();
        await using var cli = await Clients.Create(_broker, ServiceNames.Cli).StartAsync();

        for (var i = 0; i < flood; i++)
        {
            await cli.PublishAsync(Topics.Session.Start("flood"), new SessionStart($"{i}"),
                new PublishOptions { AtLeastOnce = true, Priority = MessagePriority.External });
        }

        await cli.PublishAsync(Topics.Session.Start("kitchen"), new SessionStart("interactive"),
            new PublishOptions { AtLeastOnce = true, Priority = MessagePriority.Interactive });
        await Clients.EventuallyAsync(() => handledAtInteractive >= 0, TimeSpan.FromSeconds(30), "the interactive message");
        await Clients.EventuallyAsync(() => Volatile.Read(ref handled) + stt.Metrics.Dropped.Value == flood + 1, TimeSpan.FromSeconds(60), "the flood to drain");

        var report = $"{flood} external events into an inbox of 200: handled {handled}, dropped and counted {stt.Metrics.Dropped.Value}, " +
                     $"the interactive one handled after {handledAtInteractive} others";
        output.WriteLine(report);
        Scale.Report("backpressure", report);
        Assert.True(stt.Metrics.Dropped.Value > 0, "the bound should have been reached");
        Assert.True(handledAtInteractive < handled - 1, "the interactive message must not wait for the whole backlog");
    }
}
