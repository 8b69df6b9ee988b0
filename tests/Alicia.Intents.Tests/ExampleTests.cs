namespace Alicia.Intents.Tests;

/// <summary>Example sentences for evaluations and tests: all of a small intent, a repeatable sample of a large one.</summary>
public sealed class ExampleTests
{
    [Fact]
    public void A_small_intent_yields_all_its_sentences()
    {
        var examples = DemoHome.Recognizer.Examples("Help", max: 100).Select(e => e.Text).Order(StringComparer.Ordinal);

        Assert.Equal(["help", "help me", "how does this work", "what can i ask", "what can i say", "what can you do"], examples);
    }

    [Fact]
    public void A_large_intent_yields_a_distinct_sample_of_the_requested_size()
    {
        var examples = DemoHome.Recognizer.Examples("StartTimer", max: 25, seed: 3).ToList();

        Assert.Equal(25, examples.Count);
        Assert.Equal(25, examples.Select(e => e.Text).Distinct().Count());
        Assert.All(examples, e => Assert.Equal("StartTimer", e.Intent));
        Assert.All(examples, e => Assert.NotEmpty(e.Slots));
    }

    [Fact]
    public void The_same_seed_gives_the_same_sample()
    {
        var first = DemoHome.Recognizer.Examples("SetBrightness", max: 10, seed: 42).Select(e => e.Text).ToList();
        var second = DemoHome.Recognizer.Examples("SetBrightness", max: 10, seed: 42).Select(e => e.Text).ToList();
        var other = DemoHome.Recognizer.Examples("SetBrightness", max: 10, seed: 43).Select(e => e.Text).ToList();

        Assert.Equal(first, second);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void Every_intent_has_examples_with_their_expected_slots()
    {
        var byIntent = DemoHome.Recognizer.Examples(maxPerIntent: 5).GroupBy(e => e.Intent).ToDictionary(g => g.Key, g => g.ToList());

        Assert.Equal(DemoHome.Recognizer.Intents.Order(StringComparer.Ordinal), byIntent.Keys.Order(StringComparer.Ordinal));
        Assert.All(byIntent["TurnOn"], e => Assert.Contains(e.Slots, s => s.Name == "device"));
        Assert.All(byIntent["SetTemperature"], e => Assert.Contains(e.Slots, s => s.Name == "temperature" && int.Parse(s.Value, System.Globalization.CultureInfo.InvariantCulture) is >= 5 and <= 95));
    }

    [Fact]
    public void Unknown_intent_is_refused()
    {
        Assert.Throws<ArgumentException>(() => DemoHome.Recognizer.Examples("NoSuchIntent").ToList());
    }
}
