using Alicia.Contracts.Devices;

namespace Alicia.Ai.Devices;

/// <summary>How one device command went: done, refused by the device side, or no answer at all.</summary>
public sealed record CommandOutcome(CommandStatus Status, string? Error = null, DeviceState? State = null)
{
    public static CommandOutcome Done(DeviceState? state = null) => new(CommandStatus.Done, State: state);
}
