using System.Text.Json;
using Alicia.DeviceRegistry.Devices;

namespace Alicia.DeviceRegistry.Discovery;

/// <summary>
/// Turns one Home Assistant MQTT discovery message (as published by Zigbee2MQTT, Tasmota, ESPHome...)
/// into devices: single-component configs on <c>{prefix}/{component}/[{node_id}/]{object_id}/config</c>
/// and device-based configs (<c>{prefix}/device/{object_id}/config</c> with <c>cmps</c>). Pure: no I/O.
/// </summary>
public static class DiscoveryParser
{
    public const string DefaultPrefix = "homeassistant";
    public const int MaxConfigBytes = 64 * 1024;
    private const string DeviceComponent = "device";
    private static readonly JsonDocumentOptions JsonOptions = new() { MaxDepth = 16 };

    public static DiscoveryResult Parse(string topic, ReadOnlySpan<byte> payload, string prefix = DefaultPrefix)
    {
        ArgumentNullException.ThrowIfNull(topic);
        if (!DiscoveryAddress.TryParse(topic, prefix, out var address))
        {
            return DiscoveryResult.NotConfig(topic);
        }

        if (payload.Trim(" \t\r\n"u8).IsEmpty)
        {
            return DiscoveryResult.Removed(topic);
        }

        if (payload.Length > MaxConfigBytes)
        {
            return DiscoveryResult.Invalid(topic, $"config is {payload.Length} bytes, more than {MaxConfigBytes}");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(payload.ToArray(), JsonOptions);
        }
        catch (JsonException e)
        {
            return DiscoveryResult.Invalid(topic, $"config is not valid JSON: {e.Message}");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return DiscoveryResult.Invalid(topic, $"config must be a JSON object, not {root.ValueKind}");
            }

            if (address.Component == DeviceComponent)
            {
                return ParseDeviceBased(address, root);
            }

            if (!DeviceTypes.IsKnown(address.Component))
            {
                return DiscoveryResult.Unsupported(topic, $"component '{address.Component}' is not one the registry keeps");
            }

            var (device, problem) = Entity(address, address.Component, topic, DiscoveryConfig.From(root));
            return device is null
                ? DiscoveryResult.Invalid(topic, problem!)
                : new DiscoveryResult(DiscoveryResultKind.Found, topic, [device], []);
        }
    }

    private static DiscoveryResult ParseDeviceBased(DiscoveryAddress address, JsonElement root)
    {
        var shared = DiscoveryConfig.From(root);
        if (!shared.Values.TryGetValue("components", out var components) || components.ValueKind != JsonValueKind.Object)
        {
            return DiscoveryResult.Invalid(address.ConfigTopic, "a device config needs a components (cmps) object");
        }

        var inherited = shared.Values.Where(v => v.Key != "components").ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal);
        var devices = new List<DiscoveredDevice>();
        var problems = new List<string>();
        foreach (var component in components.EnumerateObject())
        {
            if (component.Value.ValueKind != JsonValueKind.Object)
            {
                problems.Add($"component '{component.Name}' is not an object");
                continue;
            }

            var config = DiscoveryConfig.From(component.Value, inherited);
            var platform = config.Text("platform");
            if (!DeviceTypes.IsKnown(platform))
            {
                problems.Add($"component '{component.Name}': platform '{platform}' is not one the registry keeps");
                continue;
            }

            var (device, problem) = Entity(address, platform!, $"{address.ConfigTopic}/{component.Name}", config);
            if (device is null)
            {
                problems.Add($"component '{component.Name}': {problem}");
            }
            else
            {
                devices.Add(device);
            }
        }

        return new DiscoveryResult(DiscoveryResultKind.Found, address.ConfigTopic, devices, problems) { IsDeviceBased = true };
    }

    private static (DiscoveredDevice? Device, string? Problem) Entity(DiscoveryAddress address, string type, string configTopic, DiscoveryConfig config)
    {
        var binding = MqttBindingReader.Read(config);
        if (MqttBindingValidator.Problem(type, binding) is { } problem)
        {
            return (null, problem);
        }

        var name = Name(config, address, type);
        var id = DeviceNames.Slug(config.Text("object_id")) ?? DeviceNames.Slug(name) ?? DeviceNames.Slug(address.ObjectId) ?? type;
        var warnings = MqttBindingValidator.UnsupportedTemplates(binding).Select(t => $"template '{t}' is not supported").ToList();
        var device = new DiscoveredDevice(configTopic, type, name, id, config.Text("unique_id"),
            DeviceNames.Sanitize(config.Device?.Text("suggested_area")), binding, warnings);
        return (device, null);
    }

    /// <summary>
    /// Home Assistant names an entity "{device name} {entity name}", or just the device name when the
    /// entity's name is null. Bridges differ: Zigbee2MQTT sends generic entity names ("Temperature") under
    /// an object_id that starts with the device; Tasmota and ESPHome usually send the full name already.
    /// </summary>
    private static string Name(DiscoveryConfig config, DiscoveryAddress address, string type)
    {
        var deviceName = DeviceNames.Sanitize(config.Device?.Text("name"));
        var entityName = config.IsNull("name") ? null : DeviceNames.Sanitize(config.Text("name"));
        if (entityName is not null && deviceName is not null
            && !DeviceNames.Spoken(entityName).Contains(DeviceNames.Spoken(deviceName), StringComparison.Ordinal)
            && DeviceNames.Slug(config.Text("object_id")) is { } objectId
            && DeviceNames.Slug(deviceName) is { } deviceSlug
            && objectId.StartsWith(deviceSlug, StringComparison.Ordinal))
        {
            return DeviceNames.Sanitize($"{deviceName} {entityName}")!;
        }

        return entityName ?? deviceName ?? DeviceNames.Sanitize(config.Text("object_id")) ?? DeviceNames.Sanitize(address.ObjectId) ?? type;
    }
}
