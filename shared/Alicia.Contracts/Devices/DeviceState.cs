namespace Alicia.Contracts.Devices;

/// <summary>
/// A device's last known state (retained on <c>alicia/devices/state/{id}</c>): <see cref="State"/> is
/// "on"/"off"/"locked"/"open"/a reading; the optional numbers carry brightness (0-100) and temperatures.
/// </summary>
public sealed record DeviceState(
    string DeviceId,
    string State,
    double? Brightness = null,
    double? Temperature = null,
    double? TargetTemperature = null,
    double UpdatedAt = 0);
