namespace Alicia.Contracts.Devices;

/// <summary>
/// A device as the rest of the system sees it. <see cref="Type"/> is one of light, switch, sensor, climate,
/// cover, lock; <see cref="Names"/> are what people call it ("kitchen light"), used by the AI's $device slot.
/// </summary>
public sealed record DeviceInfo(
    string Id,
    string Name,
    string Type,
    IReadOnlyList<string> Names,
    string? Area = null,
    bool Dimmable = false,
    string Origin = "manual");
