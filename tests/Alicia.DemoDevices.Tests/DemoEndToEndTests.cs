using Alicia.Contracts;
using Alicia.Contracts.Devices;
using Alicia.Testing;

namespace Alicia.DemoDevices.Tests;

/// <summary>The demo devices beside the device registry, through a real mosquitto with the project's ACL.</summary>
public sealed class DemoEndToEndTests : IAsyncLifetime, IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);
    private static readonly string[] DemoIds = ["bedroom_light", "front_door", "kitchen_light", "living_room_lamp", "thermostat"];
    private readonly string _data = Directory.CreateTempSubdirectory("alicia-demo-").FullName;
    private MosquittoBroker _broker = null!;

    public async Task InitializeAsync() => _broker = await MosquittoBroker.StartAsync();

    public async Task DisposeAsync() => await _broker.DisposeAsync();

    public void Dispose() => Directory.Delete(_data, recursive: true);

    [Fact]
    public async Task The_registry_lists_the_five_demo_devices_and_voice_commands_change_them()
    {
        await using var alicia = await MessageRecorder.StartAsync(_broker, "cli", ["alicia/devices/#"]);
        await using var host = await CombinedHost.StartAsync(_broker, _data);
        await using var ai = await Wire.BusAsync(_broker, "ai");

        await Wire.EventuallyAsync(() => Wire.LatestList(alicia)?.Devices.Count == 5, "five devices in alicia/devices/list");
        var list = Wire.LatestList(alicia)!;
        Assert.Equal(DemoIds, list.Devices.Select(d => d.Id));
        Assert.Equal(["kitchen light"], list.Devices.Single(d => d.Id == "kitchen_light").Names);
        Assert.True(list.Devices.Single(d => d.Id == "living_room_lamp").Dimmable);

        var on = await ai.ExecuteAsync("kitchen light", DeviceActions.TurnOn);

        Assert.Equal(("kitchen_light", true, "on"), (on.DeviceId, on.Ok, on.State?.State));
        Assert.True(host.Demo.House.KitchenLight.IsOn);
        await Wire.EventuallyAsync(() => Wire.LatestState(alicia, "kitchen_light")?.State == "on", "the kitchen light's mirrored state");

        var dimmed = await ai.ExecuteAsync("living room lamp", DeviceActions.SetBrightness, 20);
        Assert.Equal(("on", 20.0), (dimmed.State?.State, dimmed.State?.Brightness));
        Assert.Equal(51, host.Demo.House.LivingRoomLamp.Brightness);

        var warmer = await ai.ExecuteAsync("thermostat", DeviceActions.SetTemperature, 22.5);
        Assert.Equal(22.5, warmer.State?.TargetTemperature);

        var unlocked = await ai.ExecuteAsync("front door", DeviceActions.Unlock);
        Assert.Equal("unlocked", unlocked.State?.State);

        var bedroom = await ai.ExecuteAsync("bedroom light", DeviceActions.Toggle);
        Assert.Equal("on", bedroom.State?.State);
    }

    [Fact]
    public async Task One_switch_turns_the_demo_devices_off()
    {
        await using var discovery = await MessageRecorder.StartAsync(_broker, "bridge", ["homeassistant/#", "alicia-demo/#"]);
        await using var host = await CombinedHost.StartAsync(_broker, _data, registry: false, demoEnabled: false);
        using var bridge = await TestMqtt.ConnectAsync(_broker, "bridge");

        await Wire.PublishRawAsync(bridge, "alicia-demo/barrier", "after start");
        await discovery.WaitForTopicAsync("alicia-demo/barrier", Wait);

        Assert.Equal(["alicia-demo/barrier"], discovery.Messages.Select(m => m.Topic));
        Assert.Equal(0, host.Demo.Connections);
    }

    [Fact]
    public async Task After_the_broker_restarts_the_devices_announce_themselves_again_and_obey()
    {
        await using var host = await CombinedHost.StartAsync(_broker, _data, registry: false);
        await Wire.EventuallyAsync(() => host.Demo.Connections == 1, "the first connection");

        await _broker.KillAsync();
        await _broker.StartAgainAsync();
        await Wire.EventuallyAsync(() => host.Demo.Connections == 2, "the reconnect", TimeSpan.FromSeconds(15));

        await using var configs = await MessageRecorder.StartAsync(_broker, "bridge", ["homeassistant/#", "alicia-demo/+/state"]);
        await configs.WaitForTopicAsync("homeassistant/lock/alicia-demo/front_door/config", Wait);
        using var bridge = await TestMqtt.ConnectAsync(_broker, "bridge");
        await Wire.PublishRawAsync(bridge, "alicia-demo/front_door/set", "UNLOCK");
        await configs.WaitForAsync(m => m.Topic == "alicia-demo/front_door/state" && m.PayloadText == "UNLOCKED", Wait);
        Assert.False(host.Demo.House.FrontDoor.IsLocked);
    }
}
