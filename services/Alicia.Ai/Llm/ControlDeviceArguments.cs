namespace Alicia.Ai.Llm;

/// <summary>The arguments of the <c>control_device</c> tool.</summary>
public sealed record ControlDeviceArguments(string DeviceId, string Action, double? Value = null);
