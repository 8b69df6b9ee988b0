using System.Collections.Frozen;
using Alicia.DeviceRegistry.Devices;

namespace Alicia.DeviceRegistry.Registry;

/// <summary>An immutable view of every device, with the lookups the hot paths need (state topic -> devices).</summary>
internal sealed class CatalogSnapshot
{
    public static readonly CatalogSnapshot Empty = new([]);

    public CatalogSnapshot(IEnumerable<Device> devices)
    {
        Ordered = [.. devices.OrderBy(d => d.Id, StringComparer.Ordinal)];
        ById = Ordered.ToFrozenDictionary(d => d.Id, StringComparer.Ordinal);
        ByStateTopic = Ordered
            .SelectMany(d => d.Mqtt.StateTopics().Select(topic => (topic, d)))
            .GroupBy(pair => pair.topic, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => (IReadOnlyList<Device>)[.. g.Select(pair => pair.d)], StringComparer.Ordinal);
    }

    public IReadOnlyList<Device> Ordered { get; }

    public FrozenDictionary<string, Device> ById { get; }

    public FrozenDictionary<string, IReadOnlyList<Device>> ByStateTopic { get; }

    public CatalogSnapshot With(Device device) => new(Ordered.Where(d => d.Id != device.Id).Append(device));

    public CatalogSnapshot Without(string id) => new(Ordered.Where(d => d.Id != id));
}
