namespace Alicia.Intents;

/// <summary>A tagged part of a recognized sentence.</summary>
/// <param name="Name">Slot name from the template tag, e.g. "device" for <c>{device}</c>.</param>
/// <param name="RawValue">The words heard for the slot (normalized: lower case, numbers as words).</param>
/// <param name="Value">
/// The value to act on: substitutions applied, numbers as digits ("25"), slot list names replaced
/// by their value (a device id).
/// </param>
public sealed record SlotMatch(string Name, string RawValue, string Value);
