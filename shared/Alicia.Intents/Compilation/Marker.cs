namespace Alicia.Intents;

/// <summary>
/// A zero-width step on a path through the word graph. Slot values are rebuilt from the markers
/// and words of the best path, so matching itself never builds strings.
/// </summary>
internal readonly record struct Marker(MarkerKind Kind, int Argument);
