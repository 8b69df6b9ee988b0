using System.Text.Json;

namespace Alicia.DeviceRegistry.Registry;

/// <summary>
/// A device added by hand (<c>alicia/system/registry/add</c>). <see cref="Mqtt"/> is a Home Assistant MQTT
/// config for the type (full or abbreviated keys, <c>~</c> allowed), e.g.
/// <c>{"command_topic": "cmnd/porch/POWER", "state_topic": "stat/porch/POWER"}</c>.
/// </summary>
public sealed record DeviceDefinition(
    string Id,
    string Name,
    string Type,
    IReadOnlyList<string>? Aliases = null,
    string? Area = null,
    JsonElement? Mqtt = null);
