namespace Alicia.Intents;

/// <summary>A sentence the templates accept, with the intent and slots it must be recognized as.</summary>
public sealed record IntentExample(string Intent, string Text, IReadOnlyList<SlotMatch> Slots);
