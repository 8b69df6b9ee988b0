using System.Text.Json.Nodes;

namespace Alicia.DemoDevices.Devices;

/// <summary>
/// One simulated device speaking the protocol real bridges use: a retained Home Assistant discovery
/// config announces it, it obeys its command topics and reports its state (retained) on its own topics
/// under {prefix}/{id}/. Instances are used by one thread at a time (the worker's loop).
/// </summary>
public abstract class VirtualDevice
{
    protected VirtualDevice(string id, string component, string name, string area, string topicPrefix)
    {
        Id = id;
        Component = component;
        Name = name;
        Area = area;
        NodeId = topicPrefix.Replace('/', '_');
        BaseTopic = $"{topicPrefix}/{id}";
    }

    public string Id { get; }

    /// <summary>The Home Assistant component (light, climate, lock...).</summary>
    public string Component { get; }

    public string Name { get; }

    public string Area { get; }

    /// <summary>The discovery node id: every demo device is announced under the same node.</summary>
    public string NodeId { get; }

    /// <summary>{prefix}/{id}: the device's topics hang under it (the "~" of its config).</summary>
    public string BaseTopic { get; }

    public abstract IReadOnlyList<string> CommandTopics { get; }

    public string ConfigTopic(string discoveryPrefix) => $"{discoveryPrefix}/{Component}/{NodeId}/{Id}/config";

    /// <summary>The retained discovery config (JSON).</summary>
    public abstract string DiscoveryConfig(string availabilityTopic);

    /// <summary>Applies a command; false when the payload means nothing to the device (it is then ignored).</summary>
    public abstract bool Handle(string topic, string payload);

    /// <summary>The messages that report the current state (published retained).</summary>
    public abstract IReadOnlyList<DeviceMessage> StateMessages();

    /// <summary>Lets time pass in the simulation; true when the state changed.</summary>
    public virtual bool Tick() => false;

    /// <summary>The "dev" block: one Home Assistant device per virtual device.</summary>
    protected JsonObject DeviceBlock(string model) => new()
    {
        ["ids"] = new JsonArray($"alicia-demo-{Id}"),
        ["name"] = Name,
        ["mf"] = "Alicia",
        ["mdl"] = model,
        ["sa"] = Area,
    };

    protected static bool Is(string payload, string expected) => string.Equals(payload.Trim(), expected, StringComparison.OrdinalIgnoreCase);
}
