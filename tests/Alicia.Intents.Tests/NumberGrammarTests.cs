namespace Alicia.Intents.Tests;

/// <summary>Number ranges are exported as a compact sub-grammar that accepts exactly the numbers of the range.</summary>
public sealed class NumberGrammarTests
{
    [Theory]
    [InlineData(1, 60)]
    [InlineData(0, 100)]
    [InlineData(1, 100)]
    [InlineData(5, 95)]
    [InlineData(1, 24)]
    [InlineData(1, 90)]
    [InlineData(42, 42)]
    [InlineData(0, 0)]
    [InlineData(13, 27)]
    [InlineData(95, 1105)]
    [InlineData(1990, 2030)]
    public void The_grammar_of_a_range_says_exactly_its_numbers(int min, int max)
    {
        var jsgf = Compile($"[Count]\ncount to ({min}..{max}){{n}}\n").ToJsgf();

        var sentences = new JsgfReader(jsgf).Sentences();

        var expected = Enumerable.Range(min, max - min + 1).Select(n => "count to " + string.Join(' ', NumberWords.ToWords(n)));
        Assert.Equal(expected.Order(StringComparer.Ordinal), sentences.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Shared_tails_make_a_range_much_shorter_than_its_list_of_numbers()
    {
        var rules = NumberGrammar.Rules("number_1_100", 1, 100);
        var listed = string.Join(" | ", Enumerable.Range(1, 100).Select(n => string.Join(' ', NumberWords.ToWords(n))));

        var words = rules.Sum(r => r.Body.Split(' ').Count(w => char.IsLetter(w[0])));

        Assert.Equal("number_1_100", rules[0].Name);
        Assert.True(words < 40, $"{words} words: {string.Join("; ", rules)}");
        Assert.Equal(173, listed.Split(' ').Count(w => char.IsLetter(w[0])));
        Assert.True(rules[0].Body.Contains("( twenty | thirty | forty | fifty | sixty | seventy | eighty | ninety ) [ one | two | three | four | five | six | seven | eight | nine ]", StringComparison.Ordinal), string.Join("\n", rules));
    }

    [Fact]
    public void The_default_grammar_still_has_one_rule_per_range_and_no_number_listed_twice()
    {
        var jsgf = DemoHome.Recognizer.ToJsgf();

        Assert.Contains("<number_1_100> = ", jsgf, StringComparison.Ordinal);
        Assert.DoesNotContain("twenty one |", jsgf, StringComparison.Ordinal);
        Assert.True(jsgf.Length < 6000, $"the default grammar is {jsgf.Length} characters");
    }

    private static IntentRecognizer Compile(string templates) =>
        IntentRecognizer.Compile(IntentTemplates.Parse(templates, "numbers.ini"), new Dictionary<string, IReadOnlyList<SlotValue>>());
}
