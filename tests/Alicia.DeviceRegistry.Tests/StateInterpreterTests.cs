using Alicia.Contracts.Devices;
using Alicia.DeviceRegistry.Devices;
using Alicia.DeviceRegistry.State;
using Alicia.DeviceRegistry.Tests.Support;

namespace Alicia.DeviceRegistry.Tests;

public sealed class StateInterpreterTests
{
    private static DeviceState Apply(Device device, string topic, string payload, DeviceState? current = null) =>
        StateInterpreter.Apply(device, topic, payload, current ?? StateInterpreter.Initial(device.Id));

    [Fact]
    public void A_zigbee2mqtt_light_report_gives_state_and_brightness_in_percent()
    {
        var state = Apply(SampleDevices.Zigbee2MqttLight, "zigbee2mqtt/Kitchen Light", """{"state":"ON","brightness":127,"linkquality":84}""");

        Assert.Equal(new DeviceState("kitchen_light", "on", Brightness: 50), state);
    }

    [Fact]
    public void Tasmota_telemetry_feeds_power_and_dimmer_from_one_topic()
    {
        var dimmer = SampleDevices.TasmotaDimmer;

        var state = Apply(dimmer, "tele/tasmota_A1B2C3/STATE", """{"Time":"2024-01-01T10:00:00","POWER":"ON","Dimmer":40}""");

        Assert.Equal(("on", 40.0), (state.State, state.Brightness));
        Assert.Equal("off", Apply(SampleDevices.TasmotaSwitch, "dachterasse/tele/STATE", """{"POWER":"OFF"}""").State);
    }

    [Fact]
    public void A_climate_report_fills_mode_target_and_current_temperature()
    {
        var state = Apply(SampleDevices.Zigbee2MqttRadiator, "zigbee2mqtt/Radiator",
            """{"local_temperature":19.5,"current_heating_setpoint":21,"system_mode":"heat","battery":90}""");

        Assert.Equal(new DeviceState("radiator", "heat", Temperature: 19.5, TargetTemperature: 21), state);
    }

    [Fact]
    public void Separate_climate_topics_each_update_their_own_field()
    {
        var office = SampleDevices.EspHomeClimate;
        var state = Apply(office, "esphome/office/climate/office_thermostat/current_temperature/state", "20.3");
        state = Apply(office, "esphome/office/climate/office_thermostat/target_temperature/state", "22.0", state);
        state = Apply(office, "esphome/office/climate/office_thermostat/mode/state", "heat", state);

        Assert.Equal(new DeviceState("office_thermostat", "heat", Temperature: 20.3, TargetTemperature: 22), state);
    }

    [Fact]
    public void Locks_covers_and_sensors_report_their_state_names()
    {
        Assert.Equal("locked", Apply(SampleDevices.Zigbee2MqttLock, "zigbee2mqtt/Garage lock", """{"state":"LOCK"}""").State);
        Assert.Equal("closed", Apply(SampleDevices.Zigbee2MqttBlind, "zigbee2mqtt/Bedroom blind", """{"state":"CLOSE","position":0}""").State);
        var reading = Apply(SampleDevices.Zigbee2MqttTemperature, "zigbee2mqtt/Living room sensor", """{"temperature":21.7,"humidity":40}""");
        Assert.Equal(("21.7", 21.7), (reading.State, reading.Temperature));
        Assert.Equal("on", Apply(SampleDevices.Zigbee2MqttContact, "zigbee2mqtt/Back door", """{"contact":false}""").State);
    }

    [Fact]
    public void Unrecognised_values_and_other_topics_change_nothing()
    {
        var light = SampleDevices.Zigbee2MqttLight;
        var on = new DeviceState(light.Id, "on", Brightness: 20);

        Assert.Equal(on, Apply(light, "zigbee2mqtt/Kitchen Light", """{"linkquality":80}""", on));
        Assert.Equal(on, Apply(light, "zigbee2mqtt/Kitchen Light", "garbage", on));
        Assert.Equal(on, Apply(light, "zigbee2mqtt/Other", """{"state":"OFF"}""", on));
    }
}
