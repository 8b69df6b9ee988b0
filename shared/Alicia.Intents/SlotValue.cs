namespace Alicia.Intents;

/// <summary>
/// One entry of a slot list such as <c>$device</c>: the words a person says and the value the
/// recognizer reports for them (for a device, its id).
/// </summary>
/// <param name="Name">Spoken form, e.g. "living room lamp". Normalized like any sentence.</param>
/// <param name="Value">Value reported in <see cref="SlotMatch.Value"/>, e.g. "living_room_lamp".</param>
public sealed record SlotValue(string Name, string Value);
