namespace Alicia.Contracts.Devices;

/// <summary>Every known device (retained on <c>alicia/devices/list</c>), republished whenever it changes.</summary>
public sealed record DeviceList(IReadOnlyList<DeviceInfo> Devices);
