namespace Alicia.Intents.Tests;

public sealed class WordDistanceTests
{
    [Theory]
    [InlineData("light", "lights", 1)]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("", "abc", 3)]
    [InlineData("abc", "", 3)]
    [InlineData("same", "same", 0)]
    [InlineData("what's", "whats", 1)]
    [InlineData("café", "cafe", 1)]
    public void Matches_the_textbook_distance(string expected, string heard, int distance)
    {
        var words = new WordDistance();
        words.SetHeard(heard);

        Assert.Equal(distance, words.To(expected));
        Assert.Equal(distance, EditCosts.LetterDistance(expected, heard));
    }

    [Fact]
    public void Bit_parallel_and_table_distances_agree_on_random_words()
    {
        var random = new Random(5);
        string Word() => new([.. Enumerable.Range(0, random.Next(0, 12)).Select(_ => (char)('a' + random.Next(4)))]);
        var words = new WordDistance();
        for (var i = 0; i < 3000; i++)
        {
            var heard = Word();
            var expected = Word();
            words.SetHeard(heard);

            Assert.Equal(EditCosts.LetterDistance(expected, heard), words.To(expected));
        }
    }
}
