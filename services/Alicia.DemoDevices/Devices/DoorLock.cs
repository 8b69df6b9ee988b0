using System.Text.Json.Nodes;

namespace Alicia.DemoDevices.Devices;

/// <summary>A door lock announced with full keys (as Zigbee2MQTT does): LOCK/UNLOCK in, LOCKED/UNLOCKED out.</summary>
public sealed class DoorLock(string id, string name, string area, string topicPrefix)
    : VirtualDevice(id, "lock", name, area, topicPrefix)
{
    public bool IsLocked { get; private set; } = true;

    public string CommandTopic => $"{BaseTopic}/set";

    public string StateTopic => $"{BaseTopic}/state";

    public override IReadOnlyList<string> CommandTopics => [CommandTopic];

    public override string DiscoveryConfig(string availabilityTopic) => new JsonObject
    {
        ["name"] = Name,
        ["object_id"] = Id,
        ["unique_id"] = $"alicia-demo-{Id}",
        ["command_topic"] = CommandTopic,
        ["state_topic"] = StateTopic,
        ["payload_lock"] = "LOCK",
        ["payload_unlock"] = "UNLOCK",
        ["state_locked"] = "LOCKED",
        ["state_unlocked"] = "UNLOCKED",
        ["availability_topic"] = availabilityTopic,
        ["device"] = DeviceBlock("Virtual door lock"),
    }.ToJsonString();

    public override bool Handle(string topic, string payload)
    {
        if (topic != CommandTopic || !(Is(payload, "LOCK") || Is(payload, "UNLOCK")))
        {
            return false;
        }

        IsLocked = Is(payload, "LOCK");
        return true;
    }

    public override IReadOnlyList<DeviceMessage> StateMessages() => [new DeviceMessage(StateTopic, IsLocked ? "LOCKED" : "UNLOCKED")];
}
