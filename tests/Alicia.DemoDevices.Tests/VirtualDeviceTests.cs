using Alicia.DemoDevices.Devices;

namespace Alicia.DemoDevices.Tests;

public sealed class VirtualDeviceTests
{
    private readonly DemoHouse _house = new("alicia-demo");

    [Fact]
    public void The_compact_light_switches_on_plain_payloads_and_reports_them()
    {
        var light = _house.KitchenLight;

        Assert.True(light.Handle("alicia-demo/kitchen_light/set", "ON"));
        Assert.Equal([new DeviceMessage("alicia-demo/kitchen_light/state", "ON")], light.StateMessages());
        Assert.True(light.Handle("alicia-demo/kitchen_light/set", "toggle"));
        Assert.False(light.IsOn);
    }

    [Fact]
    public void The_verbose_light_reports_json_power()
    {
        var light = _house.BedroomLight;
        light.Handle("alicia-demo/bedroom_light/set", "ON");

        Assert.Equal([new DeviceMessage("alicia-demo/bedroom_light/state", """{"POWER":"ON"}""")], light.StateMessages());
    }

    [Fact]
    public void The_lamp_takes_json_state_and_brightness()
    {
        var lamp = _house.LivingRoomLamp;

        Assert.True(lamp.Handle("alicia-demo/living_room_lamp/set", """{"state":"ON","brightness":64}"""));
        Assert.Equal((true, 64), (lamp.IsOn, lamp.Brightness));
        Assert.True(lamp.Handle("alicia-demo/living_room_lamp/set", """{"state":"OFF"}"""));
        Assert.Equal((false, 64), (lamp.IsOn, lamp.Brightness));
        Assert.Equal("""{"state":"OFF","brightness":64,"color_mode":"brightness"}""", Assert.Single(lamp.StateMessages()).Payload);
    }

    [Fact]
    public void The_thermostat_rounds_and_clamps_targets_and_warms_towards_them()
    {
        var thermostat = _house.Thermostat;

        Assert.True(thermostat.Handle("alicia-demo/thermostat/target/set", "22.3"));
        Assert.Equal(22.5, thermostat.Target);
        Assert.True(thermostat.Handle("alicia-demo/thermostat/target/set", "99"));
        Assert.Equal(Thermostat.MaxTarget, thermostat.Target);
        thermostat.Handle("alicia-demo/thermostat/target/set", "20.5");

        var before = thermostat.Current;
        Assert.True(thermostat.Tick());
        Assert.Equal(before + 0.5, thermostat.Current);
        Assert.Contains(new DeviceMessage("alicia-demo/thermostat/current", "20.0"), thermostat.StateMessages());
        Assert.True(thermostat.Tick());
        Assert.False(thermostat.Tick()); // at the target

        Assert.True(thermostat.Handle("alicia-demo/thermostat/mode/set", "off"));
        Assert.True(thermostat.Tick());
        Assert.Equal(20, thermostat.Current);
    }

    [Fact]
    public void The_lock_locks_and_unlocks()
    {
        var door = _house.FrontDoor;

        Assert.True(door.Handle("alicia-demo/front_door/set", "UNLOCK"));
        Assert.Equal("UNLOCKED", Assert.Single(door.StateMessages()).Payload);
        Assert.True(door.Handle("alicia-demo/front_door/set", "LOCK"));
        Assert.True(door.IsLocked);
    }

    [Theory]
    [InlineData("alicia-demo/kitchen_light/set", "BRIGHTER")]
    [InlineData("alicia-demo/living_room_lamp/set", "not json")]
    [InlineData("alicia-demo/living_room_lamp/set", """{"color":"red"}""")]
    [InlineData("alicia-demo/thermostat/target/set", "warm")]
    [InlineData("alicia-demo/thermostat/mode/set", "cool")]
    [InlineData("alicia-demo/front_door/set", "OPEN")]
    public void Commands_a_device_does_not_understand_change_nothing(string topic, string payload)
    {
        var device = _house.ForCommandTopic(topic)!;
        var before = device.StateMessages();

        Assert.False(device.Handle(topic, payload));
        Assert.Equal(before, device.StateMessages());
    }
}
