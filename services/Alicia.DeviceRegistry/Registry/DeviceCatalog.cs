using System.Text.Json;
using Alicia.Bus;
using Alicia.Contracts.Devices;
using Alicia.DeviceRegistry.Devices;
using Alicia.DeviceRegistry.Discovery;
using Alicia.DeviceRegistry.Storage;

namespace Alicia.DeviceRegistry.Registry;

/// <summary>
/// Every device the registry knows, kept in SQLite and mirrored in memory. Changes are validated here
/// (a refused change is a <see cref="CommandRejectedException"/> with a message for the user), written
/// to the store first and then published as a new immutable snapshot, so readers never lock.
/// </summary>
public sealed class DeviceCatalog
{
    private readonly DeviceStore _store;
    private readonly Lock _changes = new();
    private readonly HashSet<string> _ignoredDiscovery;
    private volatile CatalogSnapshot _snapshot;

    public DeviceCatalog(DeviceStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
        _snapshot = new CatalogSnapshot(store.LoadDevices());
        _ignoredDiscovery = new HashSet<string>(store.LoadIgnoredDiscovery(), StringComparer.Ordinal);
    }

    public IReadOnlyList<Device> Devices => _snapshot.Ordered;

    public Device? Get(string id) => _snapshot.ById.GetValueOrDefault(id);

    /// <summary>The devices that report state on <paramref name="topic"/> (usually none or one).</summary>
    public IReadOnlyList<Device> ReportingOn(string topic) => _snapshot.ByStateTopic.GetValueOrDefault(topic) ?? [];

    public DeviceList ToDeviceList() => new([.. _snapshot.Ordered.Select(d => d.ToInfo())]);

    /// <summary>
    /// Finds a device by id, or by any of its names as people say them ("Kitchen Light", "kitchen light").
    /// Throws "unknown device 'x'" when nothing matches.
    /// </summary>
    public Device Resolve(string idOrName)
    {
        var snapshot = _snapshot;
        if (idOrName is not null && snapshot.ById.TryGetValue(idOrName, out var byId))
        {
            return byId;
        }

        var spoken = DeviceNames.Spoken(idOrName ?? "");
        var matches = snapshot.Ordered.Where(d => d.SpokenNames.Contains(spoken, StringComparer.Ordinal)).ToList();
        return matches.Count switch
        {
            1 => matches[0],
            0 => throw new CommandRejectedException($"unknown device '{idOrName}'"),
            _ => throw new CommandRejectedException($"'{idOrName}' matches several devices: {string.Join(", ", matches.Select(d => d.Id))}"),
        };
    }

    public Device Add(DeviceDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        DeviceNames.ValidateId(definition.Id);
        if (!DeviceTypes.IsKnown(definition.Type))
        {
            throw new CommandRejectedException($"unknown device type '{definition.Type}': use one of {string.Join(", ", DeviceTypes.All)}");
        }

        var name = CleanName(definition.Name, "name");
        var aliases = CleanAliases(definition.Aliases);
        var binding = Binding(definition.Id, definition.Type, definition.Mqtt);
        lock (_changes)
        {
            if (_snapshot.ById.ContainsKey(definition.Id))
            {
                throw new CommandRejectedException($"device '{definition.Id}' already exists");
            }

            var device = new Device(definition.Id, name, definition.Type, aliases, CleanArea(definition.Area), DeviceOrigins.Manual, binding);
            EnsureNamesFree(device);
            return Commit(device);
        }
    }

    public Device Update(DeviceUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        lock (_changes)
        {
            var device = Existing(update.Id);
            var changed = device with
            {
                Name = update.Name is null ? device.Name : CleanName(update.Name, "name"),
                Aliases = update.Aliases is null ? device.Aliases : CleanAliases(update.Aliases),
                Area = update.Area is null ? device.Area : CleanArea(update.Area),
                Mqtt = update.Mqtt is null ? device.Mqtt : Binding(device.Id, device.Type, update.Mqtt),
            };
            EnsureNamesFree(changed);
            return Commit(changed);
        }
    }

    /// <summary>Removes a device; a discovered one stays removed although its config is still retained on the broker.</summary>
    public Device Remove(string id)
    {
        lock (_changes)
        {
            var device = Existing(id);
            if (device.DiscoveryTopic is { } topic)
            {
                _store.IgnoreDiscovery(topic);
                _ignoredDiscovery.Add(topic);
            }

            _store.Delete(device.Id);
            _snapshot = _snapshot.Without(device.Id);
            return device;
        }
    }

    /// <summary>Adds, updates or removes what one discovery message announces. Names and aliases a user set are kept.</summary>
    public DiscoveryChanges ApplyDiscovery(DiscoveryResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        lock (_changes)
        {
            return result.Kind switch
            {
                DiscoveryResultKind.Removed => new DiscoveryChanges([], [], RemoveDiscovered(result.Topic, keep: new HashSet<string>())),
                DiscoveryResultKind.Found => ApplyFound(result),
                _ => DiscoveryChanges.None,
            };
        }
    }

    private DiscoveryChanges ApplyFound(DiscoveryResult result)
    {
        var removed = result.IsDeviceBased
            ? RemoveDiscovered(result.Topic, keep: result.Devices.Select(d => d.ConfigTopic).ToHashSet(StringComparer.Ordinal))
            : new List<Device>();
        var added = new List<Device>();
        var updated = new List<Device>();
        foreach (var found in result.Devices)
        {
            if (_ignoredDiscovery.Contains(found.ConfigTopic))
            {
                continue;
            }

            var existing = _snapshot.Ordered.FirstOrDefault(d => d.DiscoveryTopic == found.ConfigTopic)
                ?? (found.UniqueId is null ? null : _snapshot.Ordered.FirstOrDefault(d => d.Origin == DeviceOrigins.Discovery && d.UniqueId == found.UniqueId));
            if (existing is null)
            {
                var device = new Device(UnusedId(found.SuggestedId), found.Name, found.Type, [], found.Area, DeviceOrigins.Discovery,
                    found.Mqtt, found.ConfigTopic, found.UniqueId);
                added.Add(Commit(device));
            }
            else if (existing.Type != found.Type || existing.DiscoveryTopic != found.ConfigTopic || existing.UniqueId != found.UniqueId
                     || !SameBinding(existing.Mqtt, found.Mqtt))
            {
                updated.Add(Commit(existing with { Type = found.Type, Mqtt = found.Mqtt, DiscoveryTopic = found.ConfigTopic, UniqueId = found.UniqueId }));
            }
        }

        return new DiscoveryChanges(added, updated, removed);
    }

    // An empty config on a topic: its device (or a device-based config's entities) is gone, and may be announced again later.
    private List<Device> RemoveDiscovered(string configTopic, HashSet<string> keep)
    {
        var gone = _snapshot.Ordered
            .Where(d => d.DiscoveryTopic is { } topic && !keep.Contains(topic)
                && (topic == configTopic || topic.StartsWith(configTopic + "/", StringComparison.Ordinal)))
            .ToList();
        foreach (var device in gone)
        {
            _store.Delete(device.Id);
            _snapshot = _snapshot.Without(device.Id);
        }

        if (keep.Count == 0)
        {
            foreach (var topic in _ignoredDiscovery.Where(t => t == configTopic || t.StartsWith(configTopic + "/", StringComparison.Ordinal)).ToList())
            {
                _store.ForgetIgnoredDiscovery(topic);
                _ignoredDiscovery.Remove(topic);
            }
        }

        return gone;
    }

    private Device Commit(Device device)
    {
        _store.Save(device);
        _snapshot = _snapshot.With(device);
        return device;
    }

    private Device Existing(string id) =>
        id is not null && _snapshot.ById.TryGetValue(id, out var device) ? device : throw new CommandRejectedException($"unknown device '{id}'");

    private string UnusedId(string suggested)
    {
        var id = suggested;
        for (var n = 2; _snapshot.ById.ContainsKey(id); n++)
        {
            var suffix = $"_{n}";
            id = suggested[..Math.Min(suggested.Length, DeviceNames.MaxIdLength - suffix.Length)] + suffix;
        }

        return id;
    }

    private void EnsureNamesFree(Device device)
    {
        foreach (var name in device.SpokenNames)
        {
            var other = _snapshot.Ordered.FirstOrDefault(d => d.Id != device.Id && d.SpokenNames.Contains(name, StringComparer.Ordinal));
            if (other is not null)
            {
                throw new CommandRejectedException($"the name '{name}' is already used by device '{other.Id}'");
            }
        }
    }

    private static MqttBinding Binding(string id, string type, JsonElement? mqtt)
    {
        if (mqtt is not { ValueKind: JsonValueKind.Object } config)
        {
            throw new CommandRejectedException(
                $"device '{id}' needs an mqtt object: a Home Assistant MQTT config such as {{\"command_topic\": \"cmnd/{id}/POWER\", \"state_topic\": \"stat/{id}/POWER\"}}");
        }

        var binding = MqttBindingReader.Read(DiscoveryConfig.From(config));
        if (MqttBindingValidator.Problem(type, binding) is { } problem)
        {
            throw new CommandRejectedException($"device '{id}': {problem}");
        }

        var unsupported = MqttBindingValidator.UnsupportedTemplates(binding);
        return unsupported.Count == 0
            ? binding
            : throw new CommandRejectedException($"device '{id}': template '{unsupported[0]}' is not supported (use {{{{ value }}}} or {{{{ value_json.key }}}})");
    }

    private static string CleanName(string name, string what)
    {
        DeviceNames.ValidateName(name, what);
        return string.Join(' ', name.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    private static List<string> CleanAliases(IReadOnlyList<string>? aliases)
    {
        if (aliases is null)
        {
            return [];
        }

        if (aliases.Count > DeviceNames.MaxAliases)
        {
            throw new CommandRejectedException($"a device may have at most {DeviceNames.MaxAliases} aliases, not {aliases.Count}");
        }

        return [.. aliases.Select(a => CleanName(a, "alias")).Distinct(StringComparer.OrdinalIgnoreCase)];
    }

    private static string? CleanArea(string? area)
    {
        if (string.IsNullOrWhiteSpace(area))
        {
            return null;
        }

        DeviceNames.ValidateName(area, "area");
        return area.Trim();
    }

    private static bool SameBinding(MqttBinding a, MqttBinding b) =>
        JsonSerializer.Serialize(a, DeviceRegistryJson.Default.MqttBinding) == JsonSerializer.Serialize(b, DeviceRegistryJson.Default.MqttBinding);
}
