namespace Alicia.Intents.Tests;

public sealed class SentenceNormalizerTests
{
    [Theory]
    [InlineData("Turn ON the Kitchen Light!", "turn on the kitchen light")]
    [InlineData("what's the time?", "what's the time")]
    [InlineData("What\u2019s today\u2019s date", "what's today's date")]
    [InlineData("'quoted' words", "quoted words")]
    [InlineData("twenty-five", "twenty five")]
    [InlineData("set it to 25%", "set it to twenty five percent")]
    [InlineData("set to 21°", "set to twenty one degrees")]
    [InlineData("wait 2.5 seconds", "wait two point five seconds")]
    [InlineData("1,000 times", "one thousand times")]
    [InlineData("1, 2", "one two")]
    [InlineData("rock & roll", "rock and roll")]
    [InlineData("  spaced\tout\n", "spaced out")]
    [InlineData("", "")]
    public void Normalizes_case_punctuation_and_numbers(string text, string normalized)
    {
        Assert.Equal(normalized, SentenceNormalizer.Normalize(text));
    }

    [Fact]
    public void Very_long_digit_strings_are_spelled_digit_by_digit()
    {
        Assert.Equal("one two three four five six seven eight nine zero one two three", SentenceNormalizer.Normalize("1234567890123"));
    }
}
