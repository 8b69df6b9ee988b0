namespace Alicia.Intents.Tests;

/// <summary>Compares slots with a compact "name=value; name=value" description.</summary>
internal static class SlotAssert
{
    public static string Describe(IEnumerable<SlotMatch> slots) =>
        string.Join("; ", slots.Select(s => $"{s.Name}={s.Value}"));

    public static void Recognized(IntentRecognizer recognizer, string sentence, string intent, string slots)
    {
        var match = recognizer.Recognize(sentence);
        Assert.True(match is not null, $"'{sentence}' was not recognized");
        Assert.Equal(intent, match.Intent);
        Assert.Equal(slots, Describe(match.Slots));
    }
}
