namespace Alicia.DeviceRegistry.Discovery;

/// <summary>What one message on the discovery prefix means; <see cref="Problems"/> explains what was skipped.</summary>
public sealed record DiscoveryResult(
    DiscoveryResultKind Kind,
    string Topic,
    IReadOnlyList<DiscoveredDevice> Devices,
    IReadOnlyList<string> Problems)
{
    public static DiscoveryResult NotConfig(string topic) => new(DiscoveryResultKind.NotConfig, topic, [], []);

    public static DiscoveryResult Removed(string topic) => new(DiscoveryResultKind.Removed, topic, [], []);

    public static DiscoveryResult Unsupported(string topic, string why) => new(DiscoveryResultKind.Unsupported, topic, [], [why]);

    public static DiscoveryResult Invalid(string topic, string why) => new(DiscoveryResultKind.Invalid, topic, [], [why]);

    /// <summary>True for a device-based config (<c>homeassistant/device/.../config</c>), whose entities are replaced as a set.</summary>
    public bool IsDeviceBased { get; init; }
}
