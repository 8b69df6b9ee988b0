namespace Alicia.Intents;

/// <summary>
/// One word step between states of the compiled graph, with the markers passed on the way to it.
/// </summary>
/// <param name="Word">Word id.</param>
/// <param name="Target">State reached after the word.</param>
/// <param name="MarkerStart">First of this step's markers in <see cref="CompiledGraph.Markers"/>.</param>
/// <param name="MarkerCount">Number of markers passed before the word.</param>
/// <param name="Protected">
/// The word belongs to a slot, number or list: fuzzy matching must not replace it by a different word,
/// or "turn on the garage light" would silently switch the kitchen light.
/// </param>
/// <param name="Output">Substituted value of the word (<c>half:50</c>), or null for the word itself.</param>
internal readonly record struct Transition(int Word, int Target, int MarkerStart, int MarkerCount, bool Protected, string? Output);
