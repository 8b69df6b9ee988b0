using System.Collections.Concurrent;
using Alicia.Contracts;
using Alicia.Contracts.Voice;
using Alicia.Testing;
using MQTTnet;
using MQTTnet.Protocol;
using Xunit.Abstractions;

namespace Alicia.Reliability.Tests;

/// <summary>
/// Thousands of malformed messages interleaved with good ones: the service stays up, handles every good
/// message, counts every bad one as rejected or expired, and its memory stays bounded.
/// </summary>
[Collection(ManagedMemoryGroup.Name)]
public sealed class FuzzTests(ITestOutputHelper output) : IAsyncLifetime
{
    private MosquittoBroker _broker = null!;

    public async Task InitializeAsync() => _broker = await MosquittoBroker.StartAsync();

    public async Task DisposeAsync() => await _broker.DisposeAsync();

    [Fact]
    public async Task Bad_messages_are_counted_and_good_ones_all_handled()
    {
        var badCount = Scale.Pick(2200, 22_000);
        var handled = new ConcurrentDictionary<string, byte>();
        await using var stt = Clients.Create(_broker, ServiceNames.Stt);
        stt.OnEvent<SessionStart>(Topics.Session.AllStart, (m, _) =>
        {
            handled.TryAdd(m.Payload.Text ?? "", 0);
            return Task.CompletedTask;
        });
        await stt.StartAsync();
        using var cli = await TestMqtt.ConnectAsync(_broker, ServiceNames.Cli);
        var before = ManagedMemory.Settled();

        var good = 0;
        var bad = 0;
        foreach (var payload in BadInput.Generate(badCount, seed: 1))
        {
            await Publish(cli, payload);
            bad++;
            if (bad % 10 == 0)
            {
                await Publish(cli, System.Text.Encoding.UTF8.GetBytes(BadInput.Good($"g{good}", text: $"good-{good}")));
                good++;
            }
        }

        await Clients.EventuallyAsync(() => handled.Count == good && stt.Metrics.Rejected.Value + stt.Metrics.Expired.Value == bad,
            TimeSpan.FromSeconds(60), $"{good} good handled and {bad} bad counted (handled {handled.Count}, counted {stt.Metrics.Rejected.Value + stt.Metrics.Expired.Value})");
        var growth = (ManagedMemory.Settled() - before) / (1024.0 * 1024.0);

        var reasons = string.Join(", ", stt.Metrics.RejectionsByReason.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => $"{r.Key} {r.Value.Value}"));
        var report = $"{bad} bad messages ({reasons}, expired {stt.Metrics.Expired.Value}) among {good} good: all good handled, memory growth {growth:0.0} MB";
        output.WriteLine(report);
        Scale.Report("malformed input", report);
        Assert.True(stt.IsConnected);
        Assert.True(growth < 64, $"memory grew by {growth:0.0} MB");
    }

    private static Task<MqttClientPublishResult> Publish(IMqttClient client, byte[] payload) =>
        client.PublishAsync(new MqttApplicationMessageBuilder()
            .WithTopic(Topics.Session.Start("fuzz"))
            .WithPayload(payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build());
}
