namespace Alicia.Contracts.Devices;

/// <summary>The outcome of a <see cref="DeviceCommand"/> (<c>alicia/voice/command/result</c>).</summary>
public sealed record CommandResult(string DeviceId, string Action, bool Ok, string? Error = null, DeviceState? State = null);
