namespace Alicia.Intents;

/// <summary>The intent a sentence was recognized as.</summary>
/// <param name="Intent">Intent name, the template section name, e.g. "TurnOn".</param>
/// <param name="Slots">Tagged slots in the order they occur in the sentence.</param>
/// <param name="Confidence">1 for an exact match; lower the more words had to be corrected.</param>
/// <param name="Text">The normalized sentence that was matched (lower case, numbers as words).</param>
public sealed record IntentMatch(string Intent, IReadOnlyList<SlotMatch> Slots, double Confidence, string Text)
{
    /// <summary>The value of the first slot with this name, or null when the sentence has none.</summary>
    public string? SlotValue(string name) => Slots.FirstOrDefault(s => s.Name == name)?.Value;
}
