using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Alicia.Bus;
using Alicia.Contracts;
using Alicia.Reliability.Tests.Fuzz;
using Alicia.Suite;
using Alicia.Testing;
using MQTTnet;
using MQTTnet.Protocol;
using Xunit.Abstractions;

namespace Alicia.Reliability.Tests;

/// <summary>
/// The real services, all of them, fuzzed on every topic they subscribe to (their declared routes, wildcards
/// filled in), each topic published by an identity the ACL lets publish it: bad messages of every kind with a
/// good one after every ten. Every service stays up and online, every good message is handled (answered where
/// the topic has an answer), every bad one is counted as refused in the service's own published metrics, and
/// memory stays bounded.
/// </summary>
[Collection(ManagedMemoryGroup.Name)]
public sealed class AllTopicsFuzzTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int BadPerGood = 10;
    private static readonly string[] Up = ["online", "degraded"];
    private static readonly string[] SuiteBusServices = [.. SuiteServices.All.Select(s => s.Name).Where(n => n != SuiteServices.DemoDevices)];

    private MosquittoBroker _broker = null!;

    public async Task InitializeAsync() => _broker = await MosquittoBroker.StartAsync();

    public async Task DisposeAsync() => await _broker.DisposeAsync();

    [Fact]
    public async Task Every_subscribed_topic_of_every_service_takes_bad_messages_without_losing_a_good_one()
    {
        var rounds = Scale.Pick(4, 40);
        var json = new BusJson([]);
        using var metrics = await MetricsWatch.StartAsync(_broker, json, [Topics.Stt.Response, Topics.Stt.Error, Topics.Tts.Response, Topics.Ai.Response]);
        await using var suite = await SuiteHost.StartAsync(_broker, SuiteBusServices);
        var services = suite.Services;
        Assert.Equal(SuiteBusServices.Order(StringComparer.Ordinal), services.Select(s => s.Bus.Service).Order(StringComparer.Ordinal));
        await AssertAllOnlineAsync(services);

        var catalog = new FuzzCatalog(json, await RetainedPayloadAsync(Topics.Ai.Grammar), await RetainedPayloadAsync(Topics.Devices.List));
        var targets = FuzzPlan.Build(services, AclFile.Load(MosquittoBroker.AclPath), catalog);
        var publishers = new Dictionary<string, IMqttClient>();
        var senders = new Dictionary<string, BusClient>();
        try
        {
            foreach (var publisher in targets.Select(t => t.Publisher).Distinct())
            {
                publishers[publisher] = await TestMqtt.ConnectAsync(_broker, publisher);
            }

            foreach (var publisher in targets.Where(t => t.Good.Kind is GoodKind.Command or GoodKind.Query).Select(t => t.Publisher).Distinct())
            {
                senders[publisher] = await Clients.Create(_broker, publisher).StartAsync();
            }

            var before = services.ToDictionary(s => s.Bus.Service, s => (MetricsSnapshot?)null);
            foreach (var service in services)
            {
                before[service.Bus.Service] = await metrics.NextAsync(service.Bus.Service, TimeSpan.FromSeconds(10));
            }

            long? memoryBefore = null;
            var clock = Stopwatch.StartNew();
            var refusals = services.ToDictionary(s => s.Bus.Service, _ => 0L);
            var goodRuns = new Dictionary<(string Service, string Filter), long>();
            var kinds = new SortedDictionary<string, int>(StringComparer.Ordinal);
            var answered = new ConcurrentDictionary<string, string>();
            var generators = targets.Select((t, i) => (t, i)).ToDictionary(x => x.t.Topic, x =>
                new BadMessages(x.t, seed: x.i, nearLimit: x.i % Scale.Pick(4, 1) == 0)); // near-limit messages on every topic only in the soak
            var bad = 0;
            var good = 0;
            for (var round = 0; round < rounds; round++)
            {
                if (round == 1)
                {
                    memoryBefore = ManagedMemory.Settled(); // after a first round has warmed every path up
                }

                foreach (var target in targets.OrderBy(t => t.Good.Order))
                {
                    for (var i = 0; i < BadPerGood; i++)
                    {
                        var message = generators[target.Topic].Next(round * BadPerGood + i);
                        await PublishAsync(publishers[target.Publisher], target.Topic, message.Bytes);
                        foreach (var service in message.CountedBy)
                        {
                            refusals[service] += target.Copies[service];
                        }

                        kinds[message.Kind] = kinds.GetValueOrDefault(message.Kind) + 1;
                        bad++;
                    }

                    await SendGoodAsync(target, round, publishers, senders, answered);
                    foreach (var (service, filter) in GoodRoutes(services, target))
                    {
                        goodRuns[(service, filter)] = goodRuns.GetValueOrDefault((service, filter)) + 1;
                    }

                    good++;
                }
            }

            var sending = clock.Elapsed;
            var deltas = new Dictionary<string, MetricsDelta>();
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(Scale.Pick(60, 180));
            List<string> missing;
            do
            {
                await Task.Delay(200);
                foreach (var service in services.Select(s => s.Bus.Service))
                {
                    deltas[service] = new MetricsDelta(before[service]!, metrics.Latest(service)!);
                }

                missing =
                [
                    .. deltas.Where(d => d.Value.Refused < refusals[d.Key]).Select(d => $"{d.Key} counted {d.Value.Refused} of {refusals[d.Key]} bad ({string.Join(", ", d.Value.Reasons())}; dropped {d.Value.Counter("dropped")}, failed {d.Value.Counter("failed")})"),
                    .. goodRuns.Where(r => deltas[r.Key.Service].Runs(r.Key.Filter) < r.Value)
                        .Select(r => $"{r.Key.Service} ran {r.Key.Filter} {deltas[r.Key.Service].Runs(r.Key.Filter)} times for {r.Value} good"),
                    .. answered.Where(a => metrics.AnswerTo(a.Key) is null).Select(a => $"no answer to the good message {a.Key} on {a.Value}"),
                ];
            }
            while (missing.Count > 0 && DateTime.UtcNow < deadline);
            Assert.True(missing.Count == 0, "not counted or not handled in time: " + string.Join("; ", missing));

            foreach (var service in services.Select(s => s.Bus.Service))
            {
                deltas[service] = new MetricsDelta(before[service]!, await metrics.NextAsync(service, TimeSpan.FromSeconds(10))); // anything counted late shows now
            }

            // Counted exactly: nothing refused twice, and no good message among the refused.
            foreach (var (service, expected) in refusals)
            {
                Assert.True(expected == deltas[service].Refused, $"{service}: {deltas[service].Refused} refused ({string.Join(", ", deltas[service].Reasons())}), {expected} bad messages sent to it");
                Assert.True(deltas[service].Counter("failed") == 0, $"{service}: {deltas[service].Counter("failed")} handler failures");
                Assert.True(deltas[service].Counter("dropped") == 0, $"{service}: {deltas[service].Counter("dropped")} dropped");
            }

            foreach (var (id, topic) in answered)
            {
                Assert.Equal(topic.Split('/')[2], metrics.AnswerTo(id)!.Split('/')[2]); // answered by the service asked
            }

            Assert.All(services, s => Assert.True(s.Bus.IsConnected, $"{s.Bus.Service} lost its connection"));
            await AssertAllOnlineAsync(services);
            var growth = (ManagedMemory.Settled() - memoryBefore!.Value) / (1024.0 * 1024.0);
            Assert.True(growth < 64, $"managed memory grew by {growth:0.0} MB");

            Report(services, targets, refusals, deltas, kinds, bad, good, answered.Count, growth, sending);
        }
        finally
        {
            foreach (var sender in senders.Values)
            {
                await sender.StopAsync(CancellationToken.None); // a clean DISCONNECT, so its last will does not mark the real service offline
                await sender.DisposeAsync();
            }

            foreach (var publisher in publishers.Values)
            {
                publisher.Dispose();
            }
        }
    }

    private static async Task SendGoodAsync(FuzzTarget target, int round, Dictionary<string, IMqttClient> publishers,
        Dictionary<string, BusClient> senders, ConcurrentDictionary<string, string> answered)
    {
        var options = new CommandOptions { MaxAttempts = 3, AttemptTimeout = TimeSpan.FromSeconds(15) };
        switch (target.Good.Kind)
        {
            case GoodKind.Binary:
                await PublishAsync(publishers[target.Publisher], target.Topic, target.Good.Raw!(round));
                break;
            case GoodKind.Command:
                await senders[target.Publisher].SendCommandAsync<JsonElement, JsonElement>(target.Topic, target.Good.Payload!(round), options);
                break;
            case GoodKind.Query:
                await senders[target.Publisher].QueryAsync<JsonElement, JsonElement>(target.Topic, target.Good.Payload!(round), options);
                break;
            default:
                var id = Guid.NewGuid().ToString();
                if (target.Good.AnsweredOn.Count > 0)
                {
                    answered[id] = target.Topic;
                }

                await PublishAsync(publishers[target.Publisher], target.Topic, BadMessages.Good(target, target.Good.Payload!(round), id));
                break;
        }
    }

    /// <summary>The routes a good message on the target runs (events run every matching route; commands and queries their own kind).</summary>
    private static IEnumerable<(string Service, string Filter)> GoodRoutes(IReadOnlyList<BusServiceWrapper> services, FuzzTarget target)
    {
        var type = target.Good.Kind switch { GoodKind.Command => MessageType.Command, GoodKind.Query => MessageType.Query, _ => MessageType.Event };
        return target.Good.Kind == GoodKind.Binary
            ? []
            : services.SelectMany(s => s.Bus.Routes
                .Where(r => r.Kind != RouteKind.Binary && Alicia.Contracts.TopicFilter.Matches(r.Filter, target.Topic) && r.Accepts(type))
                .Select(r => (s.Bus.Service, r.Filter)));
    }

    private static async Task PublishAsync(IMqttClient client, string topic, byte[] payload)
    {
        var result = await client.PublishAsync(new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build());
        Assert.True(result.IsSuccess, $"the broker refused a publish on {topic}: {result.ReasonCode}");
    }

    private async Task<JsonElement> RetainedPayloadAsync(string topic)
    {
        await using var recorder = await MessageRecorder.StartAsync(_broker, ServiceNames.Cli, [topic]);
        var message = await recorder.WaitForTopicAsync(topic, TimeSpan.FromSeconds(30));
        return message.EnvelopePayload ?? throw new InvalidOperationException($"{topic} was cleared");
    }

    private async Task AssertAllOnlineAsync(IReadOnlyList<BusServiceWrapper> services)
    {
        await using var health = await MessageRecorder.StartAsync(_broker, ServiceNames.Cli, [Topics.Health.AnyService]);
        foreach (var service in services.Select(s => s.Bus.Service))
        {
            var report = await health.WaitForAsync(m => m.Topic == Topics.Health.Of(service) && StatusOf(m) != "offline", TimeSpan.FromSeconds(30));
            Assert.Contains(StatusOf(report), Up);
        }
    }

    private static string? StatusOf(ReceivedMessage message) => message.EnvelopePayload?.GetProperty("status").GetString();

    private void Report(IReadOnlyList<BusServiceWrapper> services, IReadOnlyList<FuzzTarget> targets, Dictionary<string, long> refusals,
        Dictionary<string, MetricsDelta> deltas, SortedDictionary<string, int> kinds, int bad, int good, int answered, double growth, TimeSpan sending)
    {
        foreach (var service in services.Select(s => s.Bus.Service).Order(StringComparer.Ordinal))
        {
            var topics = targets.Where(t => t.Subscribers.Contains(service) || t.BinarySubscribers.Contains(service)).Select(t => t.Topic).ToList();
            output.WriteLine($"{service}: {topics.Count} topics ({string.Join(", ", topics)}); refused {deltas[service].Refused} of {refusals[service]} bad " +
                             $"({string.Join(", ", deltas[service].Reasons().Select(r => $"{r.Reason} {r.Count}"))})");
        }

        var perService = string.Join(", ", services.Select(s => s.Bus.Service).Order(StringComparer.Ordinal)
            .Select(s => $"{s} {targets.Count(t => t.Subscribers.Contains(s) || t.BinarySubscribers.Contains(s))}"));
        var counted = refusals.Values.Sum();
        var report = $"{targets.Count} topics fuzzed across {services.Count} services (topics per service: {perService}); " +
                     $"{bad} bad messages sent in {sending.TotalSeconds:0} s ({string.Join(", ", kinds.Select(k => $"{k.Key} {k.Value}"))}), " +
                     $"{counted} refusals expected and counted exactly (raw device chatter on bridge topics is not counted); " +
                     $"{good} good messages all handled ({answered} answered by correlation, commands and queries answered ok); " +
                     $"handler failures 0; every service online after; managed memory growth {growth:0.0} MB";
        output.WriteLine(report);
        Scale.Report("malformed input on every subscribed topic (real services)", report);
    }
}
