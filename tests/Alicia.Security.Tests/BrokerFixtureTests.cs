using Alicia.Testing;
using MQTTnet;
using MQTTnet.Protocol;

namespace Alicia.Security.Tests;

/// <summary>The test broker itself: starts from the real configuration, survives a kill, reloads.</summary>
public sealed class BrokerFixtureTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task Starts_on_three_distinct_loopback_ports_with_the_real_configuration()
    {
        await using var broker = await MosquittoBroker.StartAsync();

        Assert.Equal("127.0.0.1", broker.Host);
        Assert.Equal(3, new[] { broker.MqttPort, broker.TlsPort, broker.WebSocketPort }.Distinct().Count());
        var config = await File.ReadAllTextAsync(broker.ConfigPath);
        Assert.Contains($"listener {broker.MqttPort} 127.0.0.1", config, StringComparison.Ordinal);
        Assert.Contains("allow_anonymous false", config, StringComparison.Ordinal);
        Assert.Contains("running", broker.LogText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Starts_again_on_the_same_ports_after_a_kill()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        int[] ports = [broker.MqttPort, broker.TlsPort, broker.WebSocketPort];

        await broker.KillAsync();
        Assert.False(broker.IsRunning);
        var whileDown = await TestMqtt.TryConnectAsync(TestMqtt.Options(broker, "ai").Build());
        await broker.StartAgainAsync();

        Assert.False(whileDown.Connected);
        Assert.Equal(ports, new[] { broker.MqttPort, broker.TlsPort, broker.WebSocketPort });
        foreach (var transport in Enum.GetValues<MqttTransport>())
        {
            var attempt = await TestMqtt.TryConnectAsync(TestMqtt.Options(broker, "dashboard", transport).Build());
            Assert.True(attempt.Connected, $"{transport}: {attempt.Outcome}");
        }
    }

    [Fact]
    public async Task Retained_messages_survive_a_clean_restart_through_persistence()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        using (var stt = await TestMqtt.ConnectAsync(broker, "stt"))
        {
            var result = await stt.PublishAsync(new MqttApplicationMessageBuilder()
                .WithTopic("alicia/system/health/stt").WithPayload("online").WithRetainFlag()
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());
            Assert.True(result.IsSuccess, result.ReasonCode.ToString());
        }

        await broker.StopAsync(); // SIGTERM: mosquitto saves its database before exiting
        await broker.StartAgainAsync();

        await using var watcher = await MessageRecorder.StartAsync(broker, "cli", ["alicia/system/health/#"]);
        var retained = await watcher.WaitForTopicAsync("alicia/system/health/stt", Wait);
        Assert.Equal("online", retained.PayloadText);
        Assert.True(retained.Retain);
    }

    [Fact]
    public async Task Failed_start_reports_the_broker_log()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await broker.KillAsync();
        File.Delete(Path.Combine(broker.SecretsDirectory, "passwd"));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(broker.StartAgainAsync);

        Assert.Contains("passwd", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dispose_kills_the_broker_and_removes_its_directory()
    {
        var broker = await MosquittoBroker.StartAsync();
        var directory = broker.Directory;

        await broker.DisposeAsync();

        Assert.False(Directory.Exists(directory));
        var attempt = await TestMqtt.TryConnectAsync(TestMqtt.Options(broker, null).Build());
        Assert.False(attempt.Connected);
    }
}
