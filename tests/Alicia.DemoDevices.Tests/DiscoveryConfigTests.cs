using System.Text;
using Alicia.DemoDevices.Devices;
using Alicia.DeviceRegistry.Discovery;

namespace Alicia.DemoDevices.Tests;

/// <summary>The demo's discovery configs, read by the registry's own parser: what real bridges' configs go through.</summary>
public sealed class DiscoveryConfigTests
{
    private readonly DemoHouse _house = new("alicia-demo");

    private DiscoveredDevice Parse(VirtualDevice device)
    {
        var result = DiscoveryParser.Parse(device.ConfigTopic("homeassistant"), Encoding.UTF8.GetBytes(device.DiscoveryConfig("alicia-demo/status")));
        Assert.True(result.Kind == DiscoveryResultKind.Found, string.Join("; ", result.Problems));
        var found = Assert.Single(result.Devices);
        Assert.Empty(found.Warnings);
        return found;
    }

    [Fact]
    public void Every_device_is_announced_under_the_demo_node_with_a_valid_config()
    {
        var parsed = _house.Devices.Select(Parse).ToList();

        Assert.Equal(["kitchen_light", "bedroom_light", "living_room_lamp", "thermostat", "front_door"], parsed.Select(d => d.SuggestedId));
        Assert.Equal(["Kitchen Light", "Bedroom Light", "Living Room Lamp", "Thermostat", "Front Door"], parsed.Select(d => d.Name));
        Assert.Equal(["light", "light", "light", "climate", "lock"], parsed.Select(d => d.Type));
        Assert.All(_house.Devices, d => Assert.StartsWith("homeassistant/", d.ConfigTopic("homeassistant"), StringComparison.Ordinal));
        Assert.Equal("homeassistant/light/alicia-demo/kitchen_light/config", _house.KitchenLight.ConfigTopic("homeassistant"));
    }

    [Fact]
    public void Some_configs_use_abbreviations_and_a_base_topic_like_tasmota_and_esphome()
    {
        var kitchen = _house.KitchenLight.DiscoveryConfig("alicia-demo/status");
        var door = _house.FrontDoor.DiscoveryConfig("alicia-demo/status");

        Assert.Contains("\"~\":\"alicia-demo/kitchen_light\"", kitchen, StringComparison.Ordinal);
        Assert.Contains("\"cmd_t\":\"~/set\"", kitchen, StringComparison.Ordinal);
        Assert.Contains("\"command_topic\":\"alicia-demo/front_door/set\"", door, StringComparison.Ordinal);
        Assert.Equal("alicia-demo/kitchen_light/set", Parse(_house.KitchenLight).Mqtt.CommandTopic);
    }

    [Fact]
    public void The_registry_reads_what_each_device_takes_and_reports()
    {
        var lamp = Parse(_house.LivingRoomLamp).Mqtt;
        var thermostat = Parse(_house.Thermostat).Mqtt;
        var bedroom = Parse(_house.BedroomLight).Mqtt;

        Assert.True(lamp.IsJsonSchema && lamp.SupportsBrightness);
        Assert.Equal(255, lamp.BrightnessScale);
        Assert.Equal(("alicia-demo/thermostat/target/set", "alicia-demo/thermostat/current", "alicia-demo/thermostat/mode/set"),
            (thermostat.TemperatureCommandTopic, thermostat.CurrentTemperatureTopic, thermostat.ModeCommandTopic));
        Assert.Equal("{{ value_json.POWER }}", bedroom.StateValueTemplate);
        Assert.Equal("Kitchen", Parse(_house.KitchenLight).Area);
    }
}
