namespace Alicia.Intents.Tests;

public sealed class NumberWordsTests
{
    [Theory]
    [InlineData(0, "zero")]
    [InlineData(7, "seven")]
    [InlineData(13, "thirteen")]
    [InlineData(20, "twenty")]
    [InlineData(25, "twenty five")]
    [InlineData(100, "one hundred")]
    [InlineData(105, "one hundred five")]
    [InlineData(999, "nine hundred ninety nine")]
    [InlineData(2024, "two thousand twenty four")]
    [InlineData(1_000_001, "one million one")]
    public void Says_numbers_in_words(long number, string words)
    {
        Assert.Equal(words, string.Join(' ', NumberWords.ToWords(number)));
        Assert.True(NumberWords.TryParse(words.Split(' '), out var parsed));
        Assert.Equal(number, parsed);
    }

    [Fact]
    public void Reads_back_every_number_it_says()
    {
        for (var n = 0; n <= 3000; n++)
        {
            Assert.True(NumberWords.TryParse(NumberWords.ToWords(n), out var parsed));
            Assert.Equal(n, parsed);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("five twenty")]
    [InlineData("twenty twenty")]
    [InlineData("ten five")]
    [InlineData("hundred")]
    [InlineData("zero five")]
    [InlineData("thousand thousand")]
    [InlineData("twenty apples")]
    public void Refuses_word_sequences_that_are_not_one_number(string words)
    {
        Assert.False(NumberWords.TryParse(words.Split(' ', StringSplitOptions.RemoveEmptyEntries), out _));
    }
}
