using Alicia.Speech.Evaluation;

namespace Alicia.Speech.Tests;

public sealed class WordAlignmentTests
{
    [Theory]
    [InlineData("turn on the light", "turn on the light", 0)]
    [InlineData("turn on the light", "turn on light", 1)]
    [InlineData("turn on light", "turn on the light", 1)]
    [InlineData("turn on the light", "turn off the light", 1)]
    [InlineData("turn on the light", "", 4)]
    [InlineData("", "what", 1)]
    [InlineData("set a timer for five minutes", "set timer for nine minutes please", 3)]
    public void Edit_distance_counts_word_substitutions_insertions_and_deletions(string reference, string hypothesis, int expected)
    {
        Assert.Equal(expected, WordAlignment.EditDistance(WordAlignment.Words(reference), WordAlignment.Words(hypothesis)));
    }

    [Fact]
    public void Words_ignore_case_and_punctuation()
    {
        Assert.Equal(["what's", "the", "time"], WordAlignment.Words("What's the TIME?"));
    }
}
