using Alicia.Bus;
using Alicia.Contracts;
using Alicia.Contracts.Devices;
using Alicia.DeviceRegistry.Tests.Support;
using Alicia.Testing;

namespace Alicia.DeviceRegistry.Tests;

/// <summary>
/// The registry in a real host against a real mosquitto with the project's ACL: a bridge announces
/// devices over Home Assistant discovery (as the "bridge" user), Alicia identities control them, and the
/// registry follows their state. One broker per test, so retained configs never leak between tests.
/// </summary>
public sealed class RegistryEndToEndTests : IAsyncLifetime, IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);
    private readonly TempDirectory _data = new();
    private MosquittoBroker _broker = null!;

    public async Task InitializeAsync() => _broker = await MosquittoBroker.StartAsync();

    public async Task DisposeAsync() => await _broker.DisposeAsync();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task A_zigbee2mqtt_light_is_discovered_controlled_mirrored_and_removed()
    {
        await using var registry = await RegistryHost.StartAsync(_broker, _data.Path);
        await using var alicia = await MessageRecorder.StartAsync(_broker, "cli", ["alicia/devices/#"]);
        await using var commands = await MessageRecorder.StartAsync(_broker, "bridge", ["zigbee2mqtt/+/set"]);
        using var bridge = await TestMqtt.ConnectAsync(_broker, "bridge");
        await using var ai = await TestClients.BusAsync(_broker, "ai");

        await bridge.PublishRawAsync(RealWorldConfigs.Zigbee2MqttLightTopic, RealWorldConfigs.Zigbee2MqttLight);

        await TestClients.EventuallyAsync(() => Lists.Has(alicia, "kitchen_light"), "the light in alicia/devices/list");
        var info = Lists.Device(alicia, "kitchen_light");
        Assert.Equal(("Kitchen Light", "light", true, "discovery"), (info.Name, info.Type, info.Dimmable, info.Origin));
        Assert.Equal(["kitchen light"], info.Names);
        var found = await alicia.WaitForTopicAsync(Topics.Devices.DiscoveryFound, Wait);
        Assert.Equal("kitchen_light", TestClients.PayloadOf(found, ContractsJson.Default.DeviceInfo)!.Id);

        var result = await ai.SendCommandAsync<DeviceCommand, CommandResult>(Topics.Command.Execute, new DeviceCommand("kitchen light", DeviceActions.TurnOn));
        Assert.Equal(("kitchen_light", true), (result.DeviceId, result.Ok));
        Assert.Equal("""{"state":"ON"}""", (await commands.WaitForTopicAsync("zigbee2mqtt/Kitchen Light/set", Wait)).PayloadText);

        await ai.SendCommandAsync<DeviceCommand, CommandResult>(Topics.Command.Execute, new DeviceCommand("kitchen_light", DeviceActions.SetBrightness, 50));
        await commands.WaitForAsync(m => m.PayloadText == """{"state":"ON","brightness":127}""", Wait);

        await bridge.PublishRawAsync("zigbee2mqtt/Kitchen Light", """{"state":"ON","brightness":127,"linkquality":80}""");
        await TestClients.EventuallyAsync(() => Lists.State(alicia, "kitchen_light")?.State == "on", "the mirrored state");
        Assert.Equal(50, Lists.State(alicia, "kitchen_light")!.Brightness);
        await using (var late = await MessageRecorder.StartAsync(_broker, "cli", [Topics.Devices.State("kitchen_light")]))
        {
            var retained = await late.WaitForTopicAsync(Topics.Devices.State("kitchen_light"), Wait);
            Assert.True(retained.Retain);
            Assert.Equal("on", TestClients.PayloadOf(retained, ContractsJson.Default.DeviceState)!.State);
        }

        await bridge.PublishRawAsync(RealWorldConfigs.Zigbee2MqttLightTopic, "");

        await TestClients.EventuallyAsync(() => Lists.Latest(alicia)!.Devices.Count == 0, "the light to leave the list");
        var gone = await Assert.ThrowsAsync<CommandRejectedException>(() =>
            ai.SendCommandAsync<DeviceCommand, CommandResult>(Topics.Command.Execute, new DeviceCommand("kitchen_light", DeviceActions.TurnOff)));
        Assert.Equal("unknown device 'kitchen_light'", gone.Message);
        await TestClients.EventuallyAsync(() => alicia.Messages.Any(m => m.Topic == Topics.Devices.State("kitchen_light") && m.Payload.Length == 0),
            "the retained state to be cleared");
    }

    [Fact]
    public async Task A_tasmota_dimmer_is_dimmed_on_cmnd_and_followed_on_tele()
    {
        await using var registry = await RegistryHost.StartAsync(_broker, _data.Path);
        await using var alicia = await MessageRecorder.StartAsync(_broker, "cli", ["alicia/devices/#"]);
        await using var commands = await MessageRecorder.StartAsync(_broker, "bridge", ["cmnd/#"]);
        using var bridge = await TestMqtt.ConnectAsync(_broker, "bridge");
        await using var ai = await TestClients.BusAsync(_broker, "ai");

        await bridge.PublishRawAsync(RealWorldConfigs.TasmotaDimmerTopic, RealWorldConfigs.TasmotaDimmer);
        await TestClients.EventuallyAsync(() => Lists.Has(alicia, "hall_dimmer"), "the dimmer in the list");

        await ai.SendCommandAsync<DeviceCommand, CommandResult>(Topics.Command.Execute, new DeviceCommand("hall dimmer", DeviceActions.SetBrightness, 40));
        var dim = await commands.WaitForTopicAsync("cmnd/tasmota_A1B2C3/Dimmer", Wait);
        Assert.Equal("40", dim.PayloadText);

        await bridge.PublishRawAsync("tele/tasmota_A1B2C3/STATE", """{"Time":"2024-05-01T10:00:00","POWER":"ON","Dimmer":40}""", retain: false);
        await TestClients.EventuallyAsync(() => Lists.State(alicia, "hall_dimmer") is { State: "on", Brightness: 40 }, "the dimmer's state");
    }

    [Fact]
    public async Task Registry_commands_add_update_and_remove_with_clear_refusals()
    {
        await using var registry = await RegistryHost.StartAsync(_broker, _data.Path);
        await using var alicia = await MessageRecorder.StartAsync(_broker, "cli", [Topics.Devices.List]);
        await using var cli = await TestClients.BusAsync(_broker, "cli");
        var porch = Definition("porch_light", "Porch Light", "light");

        var added = await cli.SendCommandAsync<Registry.DeviceDefinition, DeviceInfo>(Topics.Registry.Add, porch);
        Assert.Equal(("porch_light", "manual"), (added.Id, added.Origin));
        await TestClients.EventuallyAsync(() => Lists.Has(alicia, "porch_light"), "the new device in the list");

        Assert.Equal("unknown device type 'toaster': use one of light, switch, fan, sensor, binary_sensor, climate, cover, lock",
            await RefusedAsync(cli, Topics.Registry.Add, Definition("toaster", "Toaster", "toaster")));
        Assert.Equal("device 'porch_light' already exists", await RefusedAsync(cli, Topics.Registry.Add, porch));
        Assert.StartsWith("device id 'Porch Light' is invalid", await RefusedAsync(cli, Topics.Registry.Add, Definition("Porch Light", "Porch", "light")),
            StringComparison.Ordinal);
        Assert.Equal("device name 'porch#1' contains '#': use letters, digits, spaces and - _ ' . &",
            await RefusedAsync(cli, Topics.Registry.Add, Definition("porch_2", "porch#1", "light")));

        var updated = await cli.SendCommandAsync<Registry.DeviceUpdate, DeviceInfo>(Topics.Registry.Update,
            new Registry.DeviceUpdate("porch_light", Aliases: ["Outside Light"], Area: "Garden"));
        Assert.Equal(["porch light", "outside light"], updated.Names);
        await TestClients.EventuallyAsync(() => Lists.Has(alicia, "porch_light") && Lists.Device(alicia, "porch_light").Names.Contains("outside light"),
            "the alias in the list");
        Assert.Equal("unknown device 'ghost'", await RefusedAsync(cli, Topics.Registry.Update, new Registry.DeviceUpdate("ghost", "Ghost")));

        await cli.SendCommandAsync<Registry.DeviceRemoval, DeviceInfo>(Topics.Registry.Remove, new Registry.DeviceRemoval("porch_light"));
        await TestClients.EventuallyAsync(() => !Lists.Has(alicia, "porch_light"), "the device to leave the list");
        Assert.Equal("unknown device 'porch_light'", await RefusedAsync(cli, Topics.Registry.Remove, new Registry.DeviceRemoval("porch_light")));
    }

    [Fact]
    public async Task Devices_survive_a_restart_of_the_registry()
    {
        using var bridge = await TestMqtt.ConnectAsync(_broker, "bridge");
        await using (var first = await RegistryHost.StartAsync(_broker, _data.Path))
        {
            await using var cli = await TestClients.BusAsync(_broker, "cli");
            await cli.SendCommandAsync<Registry.DeviceDefinition, DeviceInfo>(Topics.Registry.Add, Definition("porch_light", "Porch Light", "light"));
            await cli.SendCommandAsync<Registry.DeviceUpdate, DeviceInfo>(Topics.Registry.Update,
                new Registry.DeviceUpdate("porch_light", Aliases: ["front light"]));
        }

        await using var commands = await MessageRecorder.StartAsync(_broker, "bridge", ["cmnd/#"]);
        await using var second = await RegistryHost.StartAsync(_broker, _data.Path);
        await using var ai = await TestClients.BusAsync(_broker, "ai");

        var result = await ai.SendCommandAsync<DeviceCommand, CommandResult>(Topics.Command.Execute, new DeviceCommand("front light", DeviceActions.TurnOn));

        Assert.Equal("porch_light", result.DeviceId);
        Assert.Equal("ON", (await commands.WaitForTopicAsync("cmnd/porch/POWER", Wait)).PayloadText);
        Assert.Equal("porch_light", Assert.Single(second.Service.Devices).Id);
    }

    [Fact]
    public async Task After_the_broker_loses_its_retained_messages_the_list_and_states_are_published_again()
    {
        await using var registry = await RegistryHost.StartAsync(_broker, _data.Path);
        await using var cli = await TestClients.BusAsync(_broker, "cli");
        using (var bridge = await TestMqtt.ConnectAsync(_broker, "bridge"))
        await using (var before = await MessageRecorder.StartAsync(_broker, "cli", [Topics.Devices.State("porch_light")]))
        {
            await cli.SendCommandAsync<Registry.DeviceDefinition, DeviceInfo>(Topics.Registry.Add, Definition("porch_light", "Porch Light", "light"));
            await bridge.PublishRawAsync("stat/porch/POWER", "ON", retain: false);
            await TestClients.EventuallyAsync(() => Lists.State(before, "porch_light")?.State == "on", "the state before the restart");
        }

        await _broker.KillAsync(); // SIGKILL: nothing saved since the last autosave
        await _broker.StartAgainAsync();
        await TestClients.EventuallyAsync(() => registry.Service.Bus.Metrics.Reconnects.Value >= 1, "the registry to reconnect", TimeSpan.FromSeconds(15));

        await using var late = await MessageRecorder.StartAsync(_broker, "cli", [Topics.Devices.List, Topics.Devices.State("porch_light")]);
        await TestClients.EventuallyAsync(() => Lists.Has(late, "porch_light"), "the retained list after the restart");
        await TestClients.EventuallyAsync(() => Lists.State(late, "porch_light")?.State == "on", "the retained state after the restart");
    }

    [Fact]
    public async Task An_unknown_device_is_refused_with_the_reason()
    {
        await using var registry = await RegistryHost.StartAsync(_broker, _data.Path);
        await using var ai = await TestClients.BusAsync(_broker, "ai");

        var refused = await Assert.ThrowsAsync<CommandRejectedException>(() =>
            ai.SendCommandAsync<DeviceCommand, CommandResult>(Topics.Command.Execute, new DeviceCommand("toaster", DeviceActions.TurnOn)));

        Assert.Equal("unknown device 'toaster'", refused.Message);
        Assert.Equal(0, ai.Metrics.Retried.Value); // refused at once, not retried
    }

    [Fact]
    public async Task Malformed_discovery_json_is_counted_and_ignored_and_the_next_config_works()
    {
        await using var registry = await RegistryHost.StartAsync(_broker, _data.Path);
        await using var alicia = await MessageRecorder.StartAsync(_broker, "cli", [Topics.Devices.List]);
        using var bridge = await TestMqtt.ConnectAsync(_broker, "bridge");

        await bridge.PublishRawAsync("homeassistant/light/broken/config", """{"name": "Broken", "cmd_t": """, retain: false);
        await bridge.PublishRawAsync(RealWorldConfigs.EspHomeLightTopic, RealWorldConfigs.EspHomeLight, retain: false);

        await TestClients.EventuallyAsync(() => Lists.Has(alicia, "living_room_light"), "the good config's device");
        Assert.Equal(1, registry.Service.InvalidDiscoveryCount);
        Assert.Equal(1, registry.Service.Bus.Metrics.RejectionsByReason["invalid_discovery"].Value);
        Assert.Single(Lists.Latest(alicia)!.Devices);
    }

    [Fact]
    public async Task The_control_topic_takes_events_and_commands_and_reports_results()
    {
        await using var registry = await RegistryHost.StartAsync(_broker, _data.Path);
        await using var results = await MessageRecorder.StartAsync(_broker, "cli", [Topics.Command.Result, Topics.Devices.List]);
        await using var commands = await MessageRecorder.StartAsync(_broker, "bridge", ["esphome/#"]);
        using var bridge = await TestMqtt.ConnectAsync(_broker, "bridge");
        await using var dashboard = await TestClients.BusAsync(_broker, "dashboard");
        await using var cli = await TestClients.BusAsync(_broker, "cli");
        await bridge.PublishRawAsync(RealWorldConfigs.EspHomeLockTopic, RealWorldConfigs.EspHomeLock);
        await TestClients.EventuallyAsync(() => Lists.Has(results, "shed_lock"), "the lock in the list");

        await dashboard.PublishAsync(Topics.Devices.Control("shed_lock"), new DeviceCommand("shed_lock", DeviceActions.Unlock), new PublishOptions { AtLeastOnce = true });
        Assert.Equal("UNLOCK", (await commands.WaitForTopicAsync("esphome/shed/lock/shed_lock/command", Wait)).PayloadText);
        var reported = await results.WaitForTopicAsync(Topics.Command.Result, Wait);
        Assert.Equal(("shed_lock", DeviceActions.Unlock, true), Fields(reported));

        var answered = await cli.SendCommandAsync<DeviceCommand, CommandResult>(Topics.Devices.Control("shed_lock"), new DeviceCommand("shed_lock", DeviceActions.Lock));
        Assert.True(answered.Ok);
        await commands.WaitForAsync(m => m.PayloadText == "LOCK", Wait);

        await dashboard.PublishAsync(Topics.Devices.Control("garage"), new DeviceCommand("garage", DeviceActions.Open), new PublishOptions { AtLeastOnce = true });
        var refused = await results.WaitForAsync(m => m.Topic == Topics.Command.Result
            && TestClients.PayloadOf(m, ContractsJson.Default.CommandResult)!.DeviceId == "garage", Wait);
        Assert.Equal("unknown device 'garage'", TestClients.PayloadOf(refused, ContractsJson.Default.CommandResult)!.Error);
    }

    private static (string, string, bool) Fields(ReceivedMessage message)
    {
        var result = TestClients.PayloadOf(message, ContractsJson.Default.CommandResult)!;
        return (result.DeviceId, result.Action, result.Ok);
    }

    private static Registry.DeviceDefinition Definition(string id, string name, string type) =>
        new(id, name, type, Mqtt: System.Text.Json.JsonDocument.Parse("""{"cmd_t":"cmnd/porch/POWER","stat_t":"stat/porch/POWER"}""").RootElement);

    private static async Task<string> RefusedAsync<T>(BusClient cli, string topic, T payload) =>
        (await Assert.ThrowsAsync<CommandRejectedException>(() => cli.SendCommandAsync<T, DeviceInfo>(topic, payload))).Message;
}
