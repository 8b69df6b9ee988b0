using Alicia.Ai.Devices;
using Alicia.Contracts.Devices;

namespace Alicia.Ai.Dialogue;

/// <summary>How one device task went: the command sent (none when the device already was so) and its outcome.</summary>
internal sealed record DeviceTaskResult(DeviceTask Task, DeviceCommand? Sent, CommandOutcome? Outcome, string? AlreadyState);
