using Alicia.Contracts.Devices;

namespace Alicia.Ai.Dialogue;

/// <summary>One action for one device, as planned for this turn.</summary>
public sealed record DeviceTask(DeviceInfo Device, DeviceAction Action);
