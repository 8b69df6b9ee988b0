namespace Alicia.Intents;

/// <summary>
/// JSGF text for part of a template. JSGF has no way to say "nothing", so the empty sentence is
/// carried as a flag and becomes [ ] around the text where the part is used; a part that can
/// match no sentence at all (an empty slot list) has neither text nor flag and is left out.
/// </summary>
internal readonly record struct JsgfFragment(string? Text, bool CanBeEmpty)
{
    public static JsgfFragment Nothing { get; } = new(null, false);

    public static JsgfFragment EmptyOnly { get; } = new(null, true);

    public bool MatchesNothing => Text is null && !CanBeEmpty;

    /// <summary>The text as an item of a sequence: optional when the part can be empty.</summary>
    public string? AsItem() => Text is null ? null : CanBeEmpty ? $"[ {Text} ]" : Text;
}
