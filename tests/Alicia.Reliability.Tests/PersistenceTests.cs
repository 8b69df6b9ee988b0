using System.Text.Json;
using Alicia.Bus;
using Alicia.Contracts;
using Alicia.Contracts.Devices;
using Alicia.Testing;

namespace Alicia.Reliability.Tests;

/// <summary>The broker's persistence file keeps retained state across a clean restart.</summary>
public sealed class PersistenceTests : IAsyncLifetime
{
    private MosquittoBroker _broker = null!;

    public async Task InitializeAsync() => _broker = await MosquittoBroker.StartAsync();

    public async Task DisposeAsync() => await _broker.DisposeAsync();

    [Fact]
    public async Task Retained_device_state_survives_a_broker_restart()
    {
        await using (var registry = await Clients.Create(_broker, ServiceNames.DeviceRegistry).StartAsync())
        {
            await registry.PublishAsync(Topics.Devices.State("kitchen_light"), new DeviceState("kitchen_light", "on"),
                new PublishOptions { Retain = true, Ttl = Envelope.NeverExpires });
            await registry.StopAsync(CancellationToken.None);
        }

        await _broker.StopAsync();
        Assert.True(Directory.EnumerateFiles(_broker.DataDirectory).Any(), "mosquitto wrote no persistence file");
        await _broker.StartAgainAsync();

        await using var watcher = await MessageRecorder.StartAsync(_broker, ServiceNames.Cli, [Topics.Devices.AllState]);
        var state = await watcher.WaitForTopicAsync(Topics.Devices.State("kitchen_light"), TimeSpan.FromSeconds(5));
        Assert.True(state.Retain);
        Assert.Equal("on", JsonDocument.Parse(state.Payload).RootElement.GetProperty("payload").GetProperty("state").GetString());
    }
}
