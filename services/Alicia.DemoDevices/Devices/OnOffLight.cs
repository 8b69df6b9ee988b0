using System.Text.Json.Nodes;

namespace Alicia.DemoDevices.Devices;

/// <summary>
/// A light that only switches. Two dialects, like real bridges: <see cref="LightStyle.Compact"/> announces
/// itself Tasmota/ESPHome-style (abbreviated keys, "~") and reports plain ON/OFF; <see cref="LightStyle.Verbose"/>
/// uses full keys with <c>"name": null</c> (Zigbee2MQTT-style) and reports <c>{"POWER":"ON"}</c> read through a value template.
/// </summary>
public sealed class OnOffLight(string id, string name, string area, string topicPrefix, LightStyle style)
    : VirtualDevice(id, "light", name, area, topicPrefix)
{
    public bool IsOn { get; private set; }

    public string CommandTopic => $"{BaseTopic}/set";

    public string StateTopic => $"{BaseTopic}/state";

    public override IReadOnlyList<string> CommandTopics => [CommandTopic];

    public override string DiscoveryConfig(string availabilityTopic)
    {
        JsonObject config = style == LightStyle.Compact
            ? new()
            {
                ["~"] = BaseTopic,
                ["name"] = Name,
                ["obj_id"] = Id,
                ["uniq_id"] = $"alicia-demo-{Id}",
                ["cmd_t"] = "~/set",
                ["stat_t"] = "~/state",
                ["pl_on"] = "ON",
                ["pl_off"] = "OFF",
                ["avty_t"] = availabilityTopic,
                ["dev"] = DeviceBlock("Virtual light"),
            }
            : new()
            {
                ["name"] = null,
                ["object_id"] = Id,
                ["unique_id"] = $"alicia-demo-{Id}",
                ["command_topic"] = CommandTopic,
                ["state_topic"] = StateTopic,
                ["state_value_template"] = "{{ value_json.POWER }}",
                ["payload_on"] = "ON",
                ["payload_off"] = "OFF",
                ["availability_topic"] = availabilityTopic,
                ["device"] = DeviceBlock("Virtual light"),
            };
        return config.ToJsonString();
    }

    public override bool Handle(string topic, string payload)
    {
        if (topic != CommandTopic)
        {
            return false;
        }

        if (Is(payload, "ON") || Is(payload, "OFF") || Is(payload, "TOGGLE"))
        {
            IsOn = Is(payload, "ON") || (Is(payload, "TOGGLE") && !IsOn);
            return true;
        }

        return false;
    }

    public override IReadOnlyList<DeviceMessage> StateMessages()
    {
        var power = IsOn ? "ON" : "OFF";
        return [new DeviceMessage(StateTopic, style == LightStyle.Compact ? power : $$"""{"POWER":"{{power}}"}""")];
    }
}
