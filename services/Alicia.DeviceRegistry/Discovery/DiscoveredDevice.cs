using Alicia.DeviceRegistry.Devices;

namespace Alicia.DeviceRegistry.Discovery;

/// <summary>
/// One entity announced by a discovery config, ready to become a <see cref="Device"/>. <see cref="ConfigTopic"/>
/// identifies it (for device-based configs, the config topic plus "/" and the component key).
/// </summary>
public sealed record DiscoveredDevice(
    string ConfigTopic,
    string Type,
    string Name,
    string SuggestedId,
    string? UniqueId,
    string? Area,
    MqttBinding Mqtt,
    IReadOnlyList<string> Warnings);
