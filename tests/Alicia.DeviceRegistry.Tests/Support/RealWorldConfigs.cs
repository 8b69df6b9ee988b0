namespace Alicia.DeviceRegistry.Tests.Support;

/// <summary>
/// Discovery configs in the shapes real bridges publish them: Zigbee2MQTT (full keys, JSON lights,
/// name null), Tasmota (abbreviations, value templates, "~" base topics) and ESPHome (abbreviations,
/// "~" for the component's topic tree).
/// </summary>
public static class RealWorldConfigs
{
    public const string Zigbee2MqttLightTopic = "homeassistant/light/0x0017880108a1b2c3/light/config";

    public const string Zigbee2MqttLight = """
        {"availability":[{"topic":"zigbee2mqtt/bridge/state","value_template":"{{ value_json.state }}"}],
         "brightness":true,"brightness_scale":254,"command_topic":"zigbee2mqtt/Kitchen Light/set",
         "device":{"identifiers":["zigbee2mqtt_0x0017880108a1b2c3"],"manufacturer":"Philips",
                   "model":"Hue White A60 bulb E27 (9290011370)","name":"Kitchen Light","sw_version":"1.50.2_r30933",
                   "via_device":"zigbee2mqtt_bridge_0x00124b0018e2a9d1"},
         "effect":true,"effect_list":["blink","breathe","okay"],"json_attributes_topic":"zigbee2mqtt/Kitchen Light",
         "max_mireds":454,"min_mireds":250,"name":null,"object_id":"kitchen_light",
         "origin":{"name":"Zigbee2MQTT","sw":"1.35.1","url":"https://www.zigbee2mqtt.io"},
         "schema":"json","state_topic":"zigbee2mqtt/Kitchen Light","supported_color_modes":["color_temp"],
         "unique_id":"0x0017880108a1b2c3_light_zigbee2mqtt"}
        """;

    public const string Zigbee2MqttTemperatureTopic = "homeassistant/sensor/0x00158d0001a2b3c4/temperature/config";

    public const string Zigbee2MqttTemperature = """
        {"availability":[{"topic":"zigbee2mqtt/bridge/state"}],"device":{"identifiers":["zigbee2mqtt_0x00158d0001a2b3c4"],
         "manufacturer":"Aqara","model":"Temperature and humidity sensor (WSDCGQ11LM)","name":"Living room sensor"},
         "device_class":"temperature","enabled_by_default":true,"name":"Temperature","object_id":"living_room_sensor_temperature",
         "state_class":"measurement","state_topic":"zigbee2mqtt/Living room sensor","unique_id":"0x00158d0001a2b3c4_temperature_zigbee2mqtt",
         "unit_of_measurement":"°C","value_template":"{{ value_json.temperature }}"}
        """;

    public const string Zigbee2MqttContactTopic = "homeassistant/binary_sensor/0x00158d0002c3d4e5/contact/config";

    public const string Zigbee2MqttContact = """
        {"device":{"identifiers":["zigbee2mqtt_0x00158d0002c3d4e5"],"name":"Back door"},"device_class":"door",
         "name":null,"object_id":"back_door_contact","payload_off":true,"payload_on":false,
         "state_topic":"zigbee2mqtt/Back door","unique_id":"0x00158d0002c3d4e5_contact_zigbee2mqtt",
         "value_template":"{{ value_json.contact }}"}
        """;

    public const string Zigbee2MqttLockTopic = "homeassistant/lock/0x000d6ffffe1a2b3c/lock/config";

    public const string Zigbee2MqttLock = """
        {"command_topic":"zigbee2mqtt/Garage lock/set","device":{"identifiers":["zigbee2mqtt_0x000d6ffffe1a2b3c"],"name":"Garage lock"},
         "name":null,"object_id":"garage_lock","state_locked":"LOCK","state_unlocked":"UNLOCK","payload_lock":"LOCK",
         "payload_unlock":"UNLOCK","state_topic":"zigbee2mqtt/Garage lock","unique_id":"0x000d6ffffe1a2b3c_lock_zigbee2mqtt",
         "value_template":"{{ value_json.state }}"}
        """;

    public const string Zigbee2MqttThermostatTopic = "homeassistant/climate/0x0015bc001b02a3b4/climate/config";

    public const string Zigbee2MqttThermostat = """
        {"current_temperature_template":"{{ value_json.local_temperature }}","current_temperature_topic":"zigbee2mqtt/Radiator",
         "device":{"identifiers":["zigbee2mqtt_0x0015bc001b02a3b4"],"name":"Radiator"},"max_temp":"30","min_temp":"5",
         "mode_command_topic":"zigbee2mqtt/Radiator/set/system_mode","mode_state_template":"{{ value_json.system_mode }}",
         "mode_state_topic":"zigbee2mqtt/Radiator","modes":["off","heat","auto"],"name":null,"object_id":"radiator",
         "temp_step":0.5,"temperature_command_topic":"zigbee2mqtt/Radiator/set/current_heating_setpoint",
         "temperature_state_template":"{{ value_json.current_heating_setpoint }}","temperature_state_topic":"zigbee2mqtt/Radiator",
         "temperature_unit":"C","unique_id":"0x0015bc001b02a3b4_climate_zigbee2mqtt"}
        """;

    public const string Zigbee2MqttBlindTopic = "homeassistant/cover/0x00124b0022a1b2c3/cover/config";

    public const string Zigbee2MqttBlind = """
        {"command_topic":"zigbee2mqtt/Bedroom blind/set","device":{"identifiers":["zigbee2mqtt_0x00124b0022a1b2c3"],"name":"Bedroom blind"},
         "name":null,"object_id":"bedroom_blind","position_template":"{{ value_json.position }}","position_topic":"zigbee2mqtt/Bedroom blind",
         "set_position_template":"{ \"position\": {{ position }} }","set_position_topic":"zigbee2mqtt/Bedroom blind/set",
         "state_topic":"zigbee2mqtt/Bedroom blind","state_open":"OPEN","state_closed":"CLOSE","state_stopped":"STOP",
         "value_template":"{{ value_json.state }}","unique_id":"0x00124b0022a1b2c3_cover_zigbee2mqtt"}
        """;

    /// <summary>Tasmota's (pre-9.2) built-in discovery with a "~" prefix: FullTopic %topic%/%prefix%/.</summary>
    public const string TasmotaSwitchTopic = "homeassistant/switch/86C9AC_RL_1/config";

    public const string TasmotaSwitch = """
        {"name":"Licht Dachterasse","cmd_t":"~cmnd/POWER","stat_t":"~tele/STATE","val_tpl":"{{value_json.POWER}}",
         "pl_off":"OFF","pl_on":"ON","avty_t":"~tele/LWT","pl_avail":"Online","pl_not_avail":"Offline",
         "uniq_id":"86C9AC_RL_1","device":{"identifiers":["86C9AC"],"name":"Licht Dachterasse","model":"Sonoff TH",
         "sw_version":"6.5.0(release-sonoff)","manufacturer":"Tasmota"},"~":"dachterasse/"}
        """;

    /// <summary>Tasmota dimmer with the default FullTopic %prefix%/%topic%/ (no "~"), brightness 0-100.</summary>
    public const string TasmotaDimmerTopic = "homeassistant/light/A1B2C3_LI_1/config";

    public const string TasmotaDimmer = """
        {"name":"Hall Dimmer","cmd_t":"cmnd/tasmota_A1B2C3/POWER","stat_t":"tele/tasmota_A1B2C3/STATE","val_tpl":"{{value_json.POWER}}",
         "pl_off":"OFF","pl_on":"ON","avty_t":"tele/tasmota_A1B2C3/LWT","pl_avail":"Online","pl_not_avail":"Offline",
         "bri_cmd_t":"cmnd/tasmota_A1B2C3/Dimmer","bri_stat_t":"tele/tasmota_A1B2C3/STATE","bri_scl":100,"on_cmd_type":"brightness",
         "bri_val_tpl":"{{value_json.Dimmer}}","uniq_id":"A1B2C3_LI_1",
         "dev":{"ids":["A1B2C3"],"name":"Hall Dimmer","mdl":"Sonoff D1","sw":"9.1.0","mf":"Tasmota","sa":"Hallway"}}
        """;

    /// <summary>Tasmota status sensor: value_json['...'] form and json_attr_t.</summary>
    public const string TasmotaStatusTopic = "homeassistant/sensor/A1B2C3_status/config";

    public const string TasmotaStatus = """
        {"name":"Hall Dimmer status","stat_t":"tele/tasmota_A1B2C3/HASS_STATE","avty_t":"tele/tasmota_A1B2C3/LWT",
         "pl_avail":"Online","pl_not_avail":"Offline","json_attr_t":"tele/tasmota_A1B2C3/HASS_STATE","unit_of_meas":"%",
         "val_tpl":"{{value_json['RSSI']}}","ic":"mdi:information-outline","uniq_id":"A1B2C3_status",
         "dev":{"ids":["A1B2C3"]}}
        """;

    public const string EspHomeLightTopic = "homeassistant/light/livingroom/living_room_light/config";

    public const string EspHomeLight = """
        {"name":"Living Room Light","uniq_id":"ESPlightliving_room_light","schema":"json","brightness":true,
         "cmd_t":"~/command","stat_t":"~/state","avty_t":"esphome/livingroom/status",
         "dev":{"ids":"84f3eb123456","name":"livingroom","sw":"esphome v2023.2.0","mdl":"d1_mini","mf":"espressif"},
         "~":"esphome/livingroom/light/living_room_light"}
        """;

    public const string EspHomeClimateTopic = "homeassistant/climate/office/office_thermostat/config";

    public const string EspHomeClimate = """
        {"name":"Office Thermostat","curr_temp_t":"~/current_temperature/state","mode_cmd_t":"~/mode/command",
         "mode_stat_t":"~/mode/state","modes":["off","heat"],"temp_cmd_t":"~/target_temperature/command",
         "temp_stat_t":"~/target_temperature/state","min_temp":7,"max_temp":30,"temp_step":0.5,
         "act_t":"~/action/state","avty_t":"esphome/office/status","uniq_id":"ESPclimateoffice_thermostat",
         "dev":{"ids":"a4cf12aabbcc","name":"office","sw":"esphome v2023.2.0","mdl":"esp32dev","mf":"espressif"},
         "~":"esphome/office/climate/office_thermostat"}
        """;

    public const string EspHomeDoorTopic = "homeassistant/binary_sensor/hallway/front_door_contact/config";

    public const string EspHomeDoor = """
        {"dev_cla":"door","pl_on":"ON","pl_off":"OFF","name":"Front Door Contact","stat_t":"~/state",
         "avty_t":"esphome/hallway/status","uniq_id":"ESPbinary_sensorfront_door_contact",
         "dev":{"ids":"a4cf12ddeeff","name":"hallway"},"~":"esphome/hallway/binary_sensor/front_door_contact"}
        """;

    public const string EspHomeCoverTopic = "homeassistant/cover/office/office_blind/config";

    public const string EspHomeCover = """
        {"name":"Office Blind","stat_t":"~/state","cmd_t":"~/command","pos_t":"~/position/state","set_pos_t":"~/position/command",
         "avty_t":"esphome/office/status","uniq_id":"ESPcoveroffice_blind","dev":{"ids":"a4cf12aabbcc","name":"office"},
         "~":"esphome/office/cover/office_blind"}
        """;

    public const string EspHomeLockTopic = "homeassistant/lock/shed/shed_lock/config";

    public const string EspHomeLock = """
        {"name":"Shed Lock","stat_t":"~/state","cmd_t":"~/command","pl_lock":"LOCK","pl_unlk":"UNLOCK",
         "stat_locked":"LOCKED","stat_unlocked":"UNLOCKED","uniq_id":"ESPlockshed_lock",
         "dev":{"ids":"a4cf12001122","name":"shed"},"~":"esphome/shed/lock/shed_lock"}
        """;

    /// <summary>A device-based config (Home Assistant 2024.11+): one message, several entities, shared options.</summary>
    public const string DeviceBasedTopic = "homeassistant/device/porch_node/config";

    public const string DeviceBased = """
        {"dev":{"ids":"porch-node-01","name":"Porch","mf":"Example"},"o":{"name":"example-bridge","sw":"1.0"},
         "~":"esphome/porch",
         "cmps":{"porch_light":{"p":"light","name":"Porch Light","cmd_t":"~/light/command","stat_t":"~/light/state","uniq_id":"porch_light_1"},
                 "porch_temp":{"p":"sensor","name":"Porch Temperature","stat_t":"~/temperature","dev_cla":"temperature","unit_of_meas":"°C","uniq_id":"porch_temp_1"},
                 "porch_button":{"p":"button","name":"Porch Doorbell","cmd_t":"~/bell"}}}
        """;
}
