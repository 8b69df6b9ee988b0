using Alicia.DeviceRegistry.Devices;

namespace Alicia.DeviceRegistry.Registry;

/// <summary>What applying one discovery message changed.</summary>
public sealed record DiscoveryChanges(IReadOnlyList<Device> Added, IReadOnlyList<Device> Updated, IReadOnlyList<Device> Removed)
{
    public static readonly DiscoveryChanges None = new([], [], []);

    public bool Any => Added.Count + Updated.Count + Removed.Count > 0;
}
