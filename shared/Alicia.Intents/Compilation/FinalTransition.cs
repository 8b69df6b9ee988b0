namespace Alicia.Intents;

/// <summary>The end of a template reachable from a state without another word.</summary>
internal readonly record struct FinalTransition(int Intent, int MarkerStart, int MarkerCount);
