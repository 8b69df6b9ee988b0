using System.Text;
using Alicia.DeviceRegistry.Devices;

namespace Alicia.DeviceRegistry.Tests.Support;

/// <summary>Devices built from real discovery configs, as the registry would hold them.</summary>
internal static class SampleDevices
{
    public static Device From(string topic, string json, string? id = null)
    {
        var found = Parse.One(topic, json);
        return new Device(id ?? found.SuggestedId, found.Name, found.Type, [], found.Area, DeviceOrigins.Discovery, found.Mqtt, found.ConfigTopic, found.UniqueId);
    }

    public static Device Zigbee2MqttLight => From(RealWorldConfigs.Zigbee2MqttLightTopic, RealWorldConfigs.Zigbee2MqttLight);

    public static Device TasmotaSwitch => From(RealWorldConfigs.TasmotaSwitchTopic, RealWorldConfigs.TasmotaSwitch);

    public static Device TasmotaDimmer => From(RealWorldConfigs.TasmotaDimmerTopic, RealWorldConfigs.TasmotaDimmer);

    public static Device EspHomeLight => From(RealWorldConfigs.EspHomeLightTopic, RealWorldConfigs.EspHomeLight);

    public static Device EspHomeClimate => From(RealWorldConfigs.EspHomeClimateTopic, RealWorldConfigs.EspHomeClimate);

    public static Device Zigbee2MqttRadiator => From(RealWorldConfigs.Zigbee2MqttThermostatTopic, RealWorldConfigs.Zigbee2MqttThermostat);

    public static Device Zigbee2MqttBlind => From(RealWorldConfigs.Zigbee2MqttBlindTopic, RealWorldConfigs.Zigbee2MqttBlind);

    public static Device EspHomeCover => From(RealWorldConfigs.EspHomeCoverTopic, RealWorldConfigs.EspHomeCover);

    public static Device Zigbee2MqttLock => From(RealWorldConfigs.Zigbee2MqttLockTopic, RealWorldConfigs.Zigbee2MqttLock);

    public static Device Zigbee2MqttTemperature => From(RealWorldConfigs.Zigbee2MqttTemperatureTopic, RealWorldConfigs.Zigbee2MqttTemperature);

    public static Device Zigbee2MqttContact => From(RealWorldConfigs.Zigbee2MqttContactTopic, RealWorldConfigs.Zigbee2MqttContact);

    public static string Utf8(byte[] bytes) => Encoding.UTF8.GetString(bytes);
}
