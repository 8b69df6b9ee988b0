namespace Alicia.Intents;

/// <summary>
/// An edge of the word graph under construction: a word (Word >= 0), a marker, or neither
/// (an empty step joining alternatives).
/// </summary>
internal readonly record struct NfaEdge(int Target, int Word, string? Output, bool Protected, Marker? Marker);
