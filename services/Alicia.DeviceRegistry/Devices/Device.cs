using Alicia.Contracts.Devices;

namespace Alicia.DeviceRegistry.Devices;

/// <summary>
/// A device the registry knows: what people call it, how it is reached over MQTT and where it came from
/// (<see cref="DeviceOrigins"/>). <see cref="DiscoveryTopic"/> is the Home Assistant config topic that
/// announced it, so an empty config on that topic removes it again.
/// </summary>
public sealed record Device(
    string Id,
    string Name,
    string Type,
    IReadOnlyList<string> Aliases,
    string? Area,
    string Origin,
    MqttBinding Mqtt,
    string? DiscoveryTopic = null,
    string? UniqueId = null)
{
    /// <summary>What people may call it: the name and the aliases, lower-case, as the AI's $device slot wants them.</summary>
    public IReadOnlyList<string> SpokenNames => DeviceNames.Spoken(Name, Aliases);

    public bool Dimmable => Type == DeviceTypes.Light && Mqtt.SupportsBrightness;

    public DeviceInfo ToInfo() => new(Id, Name, Type, SpokenNames, Area, Dimmable, Origin);
}
