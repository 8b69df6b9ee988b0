using Alicia.DeviceRegistry.Discovery;
using Alicia.DeviceRegistry.Tests.Support;

namespace Alicia.DeviceRegistry.Tests;

public sealed class DiscoveryParserTests
{
    [Fact]
    public void A_zigbee2mqtt_json_light_takes_its_name_from_the_device_and_its_id_from_object_id()
    {
        var light = Parse.One(RealWorldConfigs.Zigbee2MqttLightTopic, RealWorldConfigs.Zigbee2MqttLight);

        Assert.Equal("light", light.Type);
        Assert.Equal("Kitchen Light", light.Name);
        Assert.Equal("kitchen_light", light.SuggestedId);
        Assert.Equal("0x0017880108a1b2c3_light_zigbee2mqtt", light.UniqueId);
        Assert.Equal("zigbee2mqtt/Kitchen Light/set", light.Mqtt.CommandTopic);
        Assert.Equal("zigbee2mqtt/Kitchen Light", light.Mqtt.StateTopic);
        Assert.Equal("zigbee2mqtt/Kitchen Light", light.Mqtt.JsonAttributesTopic);
        Assert.True(light.Mqtt.IsJsonSchema);
        Assert.Equal(254, light.Mqtt.BrightnessScale);
        Assert.True(light.Mqtt.SupportsBrightness);
        Assert.Empty(light.Warnings);
    }

    [Fact]
    public void A_zigbee2mqtt_sensor_with_a_generic_entity_name_is_named_after_its_device_too()
    {
        var sensor = Parse.One(RealWorldConfigs.Zigbee2MqttTemperatureTopic, RealWorldConfigs.Zigbee2MqttTemperature);

        Assert.Equal("sensor", sensor.Type);
        Assert.Equal("Living room sensor Temperature", sensor.Name);
        Assert.Equal("living_room_sensor_temperature", sensor.SuggestedId);
        Assert.Equal("{{ value_json.temperature }}", sensor.Mqtt.ValueTemplate);
        Assert.Equal("°C", sensor.Mqtt.UnitOfMeasurement);
        Assert.Equal("temperature", sensor.Mqtt.DeviceClass);
    }

    [Fact]
    public void Boolean_payloads_read_as_the_text_a_template_renders()
    {
        var contact = Parse.One(RealWorldConfigs.Zigbee2MqttContactTopic, RealWorldConfigs.Zigbee2MqttContact);

        Assert.Equal("binary_sensor", contact.Type);
        Assert.Equal("False", contact.Mqtt.PayloadOn);
        Assert.Equal("True", contact.Mqtt.PayloadOff);
    }

    [Fact]
    public void Numbers_sent_as_strings_are_read_as_numbers()
    {
        var radiator = Parse.One(RealWorldConfigs.Zigbee2MqttThermostatTopic, RealWorldConfigs.Zigbee2MqttThermostat);

        Assert.Equal("climate", radiator.Type);
        Assert.Equal(5, radiator.Mqtt.MinTemp);
        Assert.Equal(30, radiator.Mqtt.MaxTemp);
        Assert.Equal(0.5, radiator.Mqtt.TempStep);
        Assert.Equal(["off", "heat", "auto"], radiator.Mqtt.Modes);
        Assert.Equal("zigbee2mqtt/Radiator/set/current_heating_setpoint", radiator.Mqtt.TemperatureCommandTopic);
    }

    [Fact]
    public void A_tasmota_config_expands_abbreviations_and_a_leading_base_topic()
    {
        var relay = Parse.One(RealWorldConfigs.TasmotaSwitchTopic, RealWorldConfigs.TasmotaSwitch);

        Assert.Equal("switch", relay.Type);
        Assert.Equal("Licht Dachterasse", relay.Name);
        Assert.Equal("licht_dachterasse", relay.SuggestedId);
        Assert.Equal("86C9AC_RL_1", relay.UniqueId);
        Assert.Equal("dachterasse/cmnd/POWER", relay.Mqtt.CommandTopic);
        Assert.Equal("dachterasse/tele/STATE", relay.Mqtt.StateTopic);
        Assert.Equal("{{value_json.POWER}}", relay.Mqtt.ValueTemplate);
        Assert.Equal("ON", relay.Mqtt.PayloadOn);
        Assert.Equal("OFF", relay.Mqtt.PayloadOff);
    }

    [Fact]
    public void A_tasmota_dimmer_keeps_its_brightness_topics_scale_and_area()
    {
        var dimmer = Parse.One(RealWorldConfigs.TasmotaDimmerTopic, RealWorldConfigs.TasmotaDimmer);

        Assert.Equal("light", dimmer.Type);
        Assert.Equal("cmnd/tasmota_A1B2C3/Dimmer", dimmer.Mqtt.BrightnessCommandTopic);
        Assert.Equal("tele/tasmota_A1B2C3/STATE", dimmer.Mqtt.BrightnessStateTopic);
        Assert.Equal("{{value_json.Dimmer}}", dimmer.Mqtt.BrightnessValueTemplate);
        Assert.Equal(100, dimmer.Mqtt.BrightnessScale);
        Assert.Equal("brightness", dimmer.Mqtt.OnCommandType);
        Assert.Equal("Hallway", dimmer.Area);
        Assert.True(dimmer.Mqtt.SupportsBrightness);
    }

    [Fact]
    public void A_tasmota_status_sensor_with_a_bracketed_template_and_attributes_topic_parses()
    {
        var status = Parse.One(RealWorldConfigs.TasmotaStatusTopic, RealWorldConfigs.TasmotaStatus);

        Assert.Equal("Hall Dimmer status", status.Name);
        Assert.Equal("{{value_json['RSSI']}}", status.Mqtt.ValueTemplate);
        Assert.Equal("tele/tasmota_A1B2C3/HASS_STATE", status.Mqtt.JsonAttributesTopic);
        Assert.Equal("%", status.Mqtt.UnitOfMeasurement);
        Assert.Empty(status.Warnings);
    }

    [Fact]
    public void An_esphome_json_light_substitutes_its_component_base_topic()
    {
        var light = Parse.One(RealWorldConfigs.EspHomeLightTopic, RealWorldConfigs.EspHomeLight);

        Assert.Equal("Living Room Light", light.Name);
        Assert.Equal("living_room_light", light.SuggestedId);
        Assert.Equal("esphome/livingroom/light/living_room_light/command", light.Mqtt.CommandTopic);
        Assert.Equal("esphome/livingroom/light/living_room_light/state", light.Mqtt.StateTopic);
        Assert.True(light.Mqtt.IsJsonSchema);
        Assert.True(light.Mqtt.SupportsBrightness);
        Assert.Null(light.Mqtt.BrightnessScale);
    }

    [Fact]
    public void An_esphome_climate_config_keeps_every_temperature_and_mode_topic()
    {
        var climate = Parse.One(RealWorldConfigs.EspHomeClimateTopic, RealWorldConfigs.EspHomeClimate);
        const string Base = "esphome/office/climate/office_thermostat";

        Assert.Equal("climate", climate.Type);
        Assert.Equal($"{Base}/target_temperature/command", climate.Mqtt.TemperatureCommandTopic);
        Assert.Equal($"{Base}/target_temperature/state", climate.Mqtt.TemperatureStateTopic);
        Assert.Equal($"{Base}/current_temperature/state", climate.Mqtt.CurrentTemperatureTopic);
        Assert.Equal($"{Base}/mode/command", climate.Mqtt.ModeCommandTopic);
        Assert.Equal($"{Base}/mode/state", climate.Mqtt.ModeStateTopic);
        Assert.Equal(["off", "heat"], climate.Mqtt.Modes);
        Assert.Equal(7, climate.Mqtt.MinTemp);
    }

    [Fact]
    public void Esphome_binary_sensor_cover_and_lock_configs_parse()
    {
        var door = Parse.One(RealWorldConfigs.EspHomeDoorTopic, RealWorldConfigs.EspHomeDoor);
        var blind = Parse.One(RealWorldConfigs.EspHomeCoverTopic, RealWorldConfigs.EspHomeCover);
        var shed = Parse.One(RealWorldConfigs.EspHomeLockTopic, RealWorldConfigs.EspHomeLock);

        Assert.Equal(("binary_sensor", "door", "esphome/hallway/binary_sensor/front_door_contact/state"),
            (door.Type, door.Mqtt.DeviceClass, door.Mqtt.StateTopic));
        Assert.Equal(("cover", "esphome/office/cover/office_blind/position/state", "esphome/office/cover/office_blind/position/command"),
            (blind.Type, blind.Mqtt.PositionTopic, blind.Mqtt.SetPositionTopic));
        Assert.Equal(("lock", "LOCK", "UNLOCK", "LOCKED", "UNLOCKED"),
            (shed.Type, shed.Mqtt.PayloadLock, shed.Mqtt.PayloadUnlock, shed.Mqtt.StateLocked, shed.Mqtt.StateUnlocked));
    }

    [Fact]
    public void Zigbee2mqtt_lock_and_cover_configs_parse()
    {
        var garage = Parse.One(RealWorldConfigs.Zigbee2MqttLockTopic, RealWorldConfigs.Zigbee2MqttLock);
        var blind = Parse.One(RealWorldConfigs.Zigbee2MqttBlindTopic, RealWorldConfigs.Zigbee2MqttBlind);

        Assert.Equal(("Garage lock", "LOCK"), (garage.Name, garage.Mqtt.StateLocked));
        Assert.Equal("{ \"position\": {{ position }} }", blind.Mqtt.SetPositionTemplate);
        Assert.Empty(blind.Warnings);
    }

    [Fact]
    public void A_trailing_base_topic_marker_is_substituted_at_the_end()
    {
        var pump = Parse.One("homeassistant/switch/garden_pump/config",
            """{"name":"Garden Pump","~":"garden/pump","cmd_t":"cmnd/~","stat_t":"stat/~"}""");

        Assert.Equal("cmnd/garden/pump", pump.Mqtt.CommandTopic);
        Assert.Equal("stat/garden/pump", pump.Mqtt.StateTopic);
        Assert.Equal("garden_pump", pump.SuggestedId);
    }

    [Fact]
    public void A_device_based_config_yields_each_supported_component_with_shared_options()
    {
        var result = Parse.Config(RealWorldConfigs.DeviceBasedTopic, RealWorldConfigs.DeviceBased);

        Assert.Equal(DiscoveryResultKind.Found, result.Kind);
        Assert.True(result.IsDeviceBased);
        Assert.Equal(["Porch Light", "Porch Temperature"], result.Devices.Select(d => d.Name).Order());
        var light = result.Devices.Single(d => d.Type == "light");
        Assert.Equal("esphome/porch/light/command", light.Mqtt.CommandTopic);
        Assert.Equal($"{RealWorldConfigs.DeviceBasedTopic}/porch_light", light.ConfigTopic);
        Assert.Contains(result.Problems, p => p.Contains("button", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("homeassistant/status")]
    [InlineData("homeassistant/light/kitchen/state")]
    [InlineData("homeassistant/light/a/b/c/config")]
    [InlineData("zigbee2mqtt/bridge/config")]
    public void Messages_that_are_not_config_topics_are_not_configs(string topic) =>
        Assert.Equal(DiscoveryResultKind.NotConfig, Parse.Config(topic, "online").Kind);

    [Theory]
    [InlineData("")]
    [InlineData("  \n")]
    public void An_empty_config_removes_the_device(string payload) =>
        Assert.Equal(DiscoveryResultKind.Removed, Parse.Config(RealWorldConfigs.TasmotaSwitchTopic, payload).Kind);

    [Theory]
    [InlineData("{\"name\": \"Broken\", ", "not valid JSON")]
    [InlineData("[1, 2, 3]", "must be a JSON object")]
    [InlineData("{\"name\": \"Lamp\"}", "needs a command_topic")]
    [InlineData("{\"name\": \"Lamp\", \"cmd_t\": \"alicia/devices/list\"}", "reserved")]
    [InlineData("{\"name\": \"Lamp\", \"cmd_t\": \"lamps/+/set\"}", "without wildcards")]
    public void A_config_that_cannot_work_is_invalid_with_a_reason(string payload, string reason)
    {
        var result = Parse.Config("homeassistant/light/lamp/config", payload);

        Assert.Equal(DiscoveryResultKind.Invalid, result.Kind);
        Assert.Contains(reason, Assert.Single(result.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Components_the_registry_does_not_keep_are_unsupported()
    {
        var result = Parse.Config("homeassistant/button/doorbell/config", """{"name":"Doorbell","cmd_t":"doorbell/press"}""");

        Assert.Equal(DiscoveryResultKind.Unsupported, result.Kind);
    }

    [Fact]
    public void A_template_beyond_the_simple_forms_is_kept_with_a_warning()
    {
        var sensor = Parse.One("homeassistant/sensor/weird/config",
            """{"name":"Weird","stat_t":"weird/state","val_tpl":"{% if value == '1' %}on{% endif %}"}""");

        Assert.Contains("is not supported", Assert.Single(sensor.Warnings), StringComparison.Ordinal);
    }
}
