using System.Text.Json;

namespace Alicia.DeviceRegistry.Registry;

/// <summary>
/// Changes to a device (<c>alicia/system/registry/update</c>): null leaves a field as it is; an empty
/// <see cref="Area"/> or <see cref="Aliases"/> list clears it; <see cref="Mqtt"/> replaces the whole binding.
/// </summary>
public sealed record DeviceUpdate(
    string Id,
    string? Name = null,
    IReadOnlyList<string>? Aliases = null,
    string? Area = null,
    JsonElement? Mqtt = null);
