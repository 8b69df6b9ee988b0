using Alicia.Contracts.Devices;
using Alicia.Intents;

namespace Alicia.Ai.Devices;

/// <summary>
/// The registry's device list as the AI needs it: lookups by id, the slot lists the templates use
/// (<c>$device</c>, <c>$light</c>, <c>$lock</c>, <c>$thermostat</c>) and areas as names of their own,
/// so "the bedroom" means the devices in the bedroom. Immutable: a new list makes a new directory.
/// </summary>
public sealed class DeviceDirectory
{
    /// <summary>Slot values that stand for every device in an area start with this.</summary>
    public const string AreaPrefix = "area:";

    private readonly Dictionary<string, DeviceInfo> _byId;

    public DeviceDirectory(IReadOnlyList<DeviceInfo> devices)
    {
        ArgumentNullException.ThrowIfNull(devices);
        Devices = devices;
        _byId = new Dictionary<string, DeviceInfo>(StringComparer.Ordinal);
        foreach (var device in devices)
        {
            _byId.TryAdd(device.Id, device);
        }
    }

    public static DeviceDirectory Empty { get; } = new([]);

    public IReadOnlyList<DeviceInfo> Devices { get; }

    public DeviceInfo? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>Devices that "turn on/off" applies to: everything but sensors, locks and covers.</summary>
    public static bool IsSwitchable(DeviceInfo device) =>
        device.Type is not ("sensor" or "lock" or "cover");

    public static bool IsDimmableLight(DeviceInfo device) => device.Type == "light" && device.Dimmable;

    public static bool IsThermostat(DeviceInfo device) => device.Type == "climate";

    public static bool IsLock(DeviceInfo device) => device.Type == "lock";

    /// <summary>What to call a device in a sentence: its first spoken name, else its display name.</summary>
    public static string SpokenName(DeviceInfo device)
    {
        ArgumentNullException.ThrowIfNull(device);
        return device.Names.FirstOrDefault(n => !string.IsNullOrWhiteSpace(n)) ?? device.Name;
    }

    /// <summary>
    /// The devices a slot value names: one device id, or every device of an area ("area:bedroom")
    /// that <paramref name="fits"/> (e.g. only switchable ones for "turn on the bedroom").
    /// </summary>
    public IReadOnlyList<DeviceInfo> Resolve(string slotValue, Func<DeviceInfo, bool> fits)
    {
        ArgumentNullException.ThrowIfNull(slotValue);
        ArgumentNullException.ThrowIfNull(fits);
        if (slotValue.StartsWith(AreaPrefix, StringComparison.Ordinal))
        {
            var area = slotValue[AreaPrefix.Length..];
            return Devices.Where(d => string.Equals(d.Area, area, StringComparison.OrdinalIgnoreCase) && fits(d)).ToList();
        }

        return Find(slotValue) is { } device ? [device] : [];
    }

    /// <summary>The slot lists for the template slot list names; lists the AI knows nothing about are empty.</summary>
    public Dictionary<string, IReadOnlyList<SlotValue>> SlotLists(IEnumerable<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        var lists = new Dictionary<string, IReadOnlyList<SlotValue>>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            lists[name] = name switch
            {
                "device" => SwitchableWithAreas(),
                "light" => NamesOf(IsDimmableLight),
                "lock" => NamesOf(IsLock),
                "thermostat" => NamesOf(IsThermostat),
                _ => [],
            };
        }

        return lists;
    }

    private List<SlotValue> NamesOf(Func<DeviceInfo, bool> fits)
    {
        var values = new List<SlotValue>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var device in Devices.Where(fits))
        {
            foreach (var name in SpokenNames(device))
            {
                // Two devices with one name: the first keeps it, so a sentence means one thing.
                if (seen.Add(name))
                {
                    values.Add(new SlotValue(name, device.Id));
                }
            }
        }

        return values;
    }

    private List<SlotValue> SwitchableWithAreas()
    {
        var values = NamesOf(IsSwitchable);
        var taken = values.Select(v => v.Name).ToHashSet(StringComparer.Ordinal);
        var areas = Devices.Where(IsSwitchable).Select(d => d.Area).OfType<string>()
            .Where(a => !string.IsNullOrWhiteSpace(a))
            .Distinct(StringComparer.OrdinalIgnoreCase);
        foreach (var area in areas)
        {
            var spoken = SentenceNormalizer.Normalize(area.Replace('_', ' '));
            if (spoken.Length > 0 && taken.Add(spoken))
            {
                values.Add(new SlotValue(spoken, AreaPrefix + area));
            }
        }

        return values;
    }

    private static IEnumerable<string> SpokenNames(DeviceInfo device)
    {
        var names = device.Names.Count > 0 ? device.Names : [device.Name];
        return names.Select(SentenceNormalizer.Normalize).Where(n => n.Length > 0).Distinct(StringComparer.Ordinal);
    }
}
