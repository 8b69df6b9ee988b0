using Alicia.Bus;
using Alicia.Contracts.Devices;
using Alicia.DeviceRegistry.Control;
using Alicia.DeviceRegistry.Devices;
using Alicia.DeviceRegistry.Tests.Support;

namespace Alicia.DeviceRegistry.Tests;

public sealed class CommandTranslatorTests
{
    private static List<(string Topic, string Payload)> Translate(Device device, string action, double? value = null, string? state = null) =>
        [.. CommandTranslator.Translate(device, new DeviceCommand(device.Id, action, value), state is null ? null : new DeviceState(device.Id, state))
            .Select(m => (m.Topic, m.Payload))];

    [Fact]
    public void Plain_on_off_devices_get_their_payload_on_and_off()
    {
        var relay = SampleDevices.TasmotaSwitch;

        Assert.Equal([("dachterasse/cmnd/POWER", "ON")], Translate(relay, DeviceActions.TurnOn));
        Assert.Equal([("dachterasse/cmnd/POWER", "OFF")], Translate(relay, DeviceActions.TurnOff));
        Assert.Equal([("dachterasse/cmnd/POWER", "OFF")], Translate(relay, DeviceActions.Toggle, state: "on"));
    }

    [Fact]
    public void Custom_payloads_are_used_instead_of_on_and_off()
    {
        var device = SampleDevices.From("homeassistant/switch/heater/config",
            """{"name":"Heater","cmd_t":"heater/set","pl_on":"1","pl_off":"0"}""");

        Assert.Equal([("heater/set", "1")], Translate(device, DeviceActions.TurnOn));
        Assert.Equal([("heater/set", "0")], Translate(device, DeviceActions.TurnOff));
    }

    [Fact]
    public void Json_schema_lights_get_json_with_brightness_scaled_to_their_range()
    {
        var light = SampleDevices.Zigbee2MqttLight;

        Assert.Equal([("zigbee2mqtt/Kitchen Light/set", """{"state":"ON"}""")], Translate(light, DeviceActions.TurnOn));
        Assert.Equal([("zigbee2mqtt/Kitchen Light/set", """{"state":"OFF"}""")], Translate(light, DeviceActions.TurnOff));
        Assert.Equal([("zigbee2mqtt/Kitchen Light/set", """{"state":"ON","brightness":127}""")], Translate(light, DeviceActions.SetBrightness, 50));
        Assert.Equal([("esphome/livingroom/light/living_room_light/command", """{"state":"ON","brightness":255}""")],
            Translate(SampleDevices.EspHomeLight, DeviceActions.SetBrightness, 100));
    }

    [Fact]
    public void Plain_lights_get_brightness_on_their_brightness_topic_scaled_by_bri_scl()
    {
        var dimmer = SampleDevices.TasmotaDimmer;

        Assert.Equal([("cmnd/tasmota_A1B2C3/Dimmer", "40")], Translate(dimmer, DeviceActions.SetBrightness, 40));
        Assert.Equal([("cmnd/tasmota_A1B2C3/POWER", "OFF")], Translate(dimmer, DeviceActions.SetBrightness, 0));
    }

    [Fact]
    public void Without_on_command_type_brightness_goes_first_then_on()
    {
        var lamp = SampleDevices.From("homeassistant/light/lamp/config",
            """{"name":"Lamp","cmd_t":"lamp/set","bri_cmd_t":"lamp/brightness/set","bri_scl":1023}""");

        Assert.Equal([("lamp/brightness/set", "512"), ("lamp/set", "ON")], Translate(lamp, DeviceActions.SetBrightness, 50));
    }

    [Fact]
    public void Climate_devices_take_a_temperature_rounded_to_their_step_and_modes_for_on_and_off()
    {
        var office = SampleDevices.EspHomeClimate;
        var radiator = SampleDevices.Zigbee2MqttRadiator;

        Assert.Equal([("esphome/office/climate/office_thermostat/target_temperature/command", "21.5")],
            Translate(office, DeviceActions.SetTemperature, 21.4));
        Assert.Equal([("esphome/office/climate/office_thermostat/mode/command", "heat")], Translate(office, DeviceActions.TurnOn));
        Assert.Equal([("zigbee2mqtt/Radiator/set/system_mode", "off")], Translate(radiator, DeviceActions.TurnOff));
        var tooHot = Assert.Throws<CommandRejectedException>(() => Translate(office, DeviceActions.SetTemperature, 40));
        Assert.Equal("temperature 40 is outside 7-30 for 'office_thermostat'", tooHot.Message);
    }

    [Fact]
    public void Covers_open_close_stop_and_take_a_position_through_their_template()
    {
        var blind = SampleDevices.Zigbee2MqttBlind;
        var office = SampleDevices.EspHomeCover;

        Assert.Equal([("zigbee2mqtt/Bedroom blind/set", "OPEN")], Translate(blind, DeviceActions.Open));
        Assert.Equal([("zigbee2mqtt/Bedroom blind/set", "CLOSE")], Translate(blind, DeviceActions.Close));
        Assert.Equal([("zigbee2mqtt/Bedroom blind/set", "STOP")], Translate(blind, ExtraActions.Stop));
        Assert.Equal([("zigbee2mqtt/Bedroom blind/set", "{ \"position\": 30 }")], Translate(blind, ExtraActions.SetPosition, 30));
        Assert.Equal([("esphome/office/cover/office_blind/position/command", "75")], Translate(office, ExtraActions.SetPosition, 75));
    }

    [Fact]
    public void Locks_lock_and_unlock_with_their_payloads()
    {
        var garage = SampleDevices.Zigbee2MqttLock;

        Assert.Equal([("zigbee2mqtt/Garage lock/set", "LOCK")], Translate(garage, DeviceActions.Lock));
        Assert.Equal([("zigbee2mqtt/Garage lock/set", "UNLOCK")], Translate(garage, DeviceActions.Unlock));
    }

    [Fact]
    public void Commands_a_device_cannot_take_are_refused_with_what_it_can_do()
    {
        var lockError = Assert.Throws<CommandRejectedException>(() => Translate(SampleDevices.Zigbee2MqttLock, DeviceActions.SetBrightness, 20));
        var sensorError = Assert.Throws<CommandRejectedException>(() => Translate(SampleDevices.Zigbee2MqttTemperature, DeviceActions.TurnOn));
        var switchError = Assert.Throws<CommandRejectedException>(() => Translate(SampleDevices.TasmotaSwitch, DeviceActions.SetBrightness, 20));
        var rangeError = Assert.Throws<CommandRejectedException>(() => Translate(SampleDevices.Zigbee2MqttLight, DeviceActions.SetBrightness, 150));
        var missing = Assert.Throws<CommandRejectedException>(() => Translate(SampleDevices.Zigbee2MqttLight, DeviceActions.SetBrightness));

        Assert.Equal("device 'garage_lock' (lock) cannot 'set_brightness'; it can: lock, unlock", lockError.Message);
        Assert.Contains("can only be read", sensorError.Message, StringComparison.Ordinal);
        Assert.StartsWith("device 'licht_dachterasse' (switch) cannot 'set_brightness'", switchError.Message, StringComparison.Ordinal);
        Assert.Equal("brightness 150 for 'kitchen_light' is outside 0-100", rangeError.Message);
        Assert.Equal("'set_brightness' needs a value (the brightness, 0-100)", missing.Message);
    }
}
