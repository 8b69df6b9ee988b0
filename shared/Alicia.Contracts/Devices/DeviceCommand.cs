namespace Alicia.Contracts.Devices;

/// <summary>
/// One thing to do to one device (<c>alicia/voice/command/execute</c> or <c>alicia/devices/control/{id}</c>).
/// <see cref="Action"/> is one of <see cref="DeviceActions"/>; <see cref="Value"/> carries a level or temperature.
/// </summary>
public sealed record DeviceCommand(string DeviceId, string Action, double? Value = null);
