namespace Alicia.Contracts.Voice;

/// <summary>A filled slot: what was said, and the value it means (a number, a device id, "on").</summary>
public sealed record SlotValue(string Name, string Raw, string Value);
