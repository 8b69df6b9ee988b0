namespace Alicia.Speech.Tests;

public sealed class TextChunkerTests
{
    [Fact]
    public void Short_text_stays_one_chunk()
    {
        Assert.Equal(["Turn on the light. Thanks!"], TextChunker.Split("Turn on the light. Thanks!", 100));
    }

    [Fact]
    public void Chunks_break_at_sentence_ends_and_keep_every_word()
    {
        var text = "First sentence here. Second one is a little longer! Third? Fourth and last sentence.";

        var chunks = TextChunker.Split(text, 40);

        Assert.All(chunks, c => Assert.True(c.Length <= 40, c));
        Assert.All(chunks, c => Assert.Matches(@"[.!?]$", c));
        Assert.Equal(Words(text), chunks.SelectMany(Words));
    }

    [Fact]
    public void Decimal_points_do_not_end_sentences()
    {
        var chunks = TextChunker.Split("It is 3.5 degrees. Warm.", 18);

        Assert.Equal(["It is 3.5 degrees.", "Warm."], chunks);
    }

    [Fact]
    public void A_sentence_longer_than_a_chunk_is_split_at_commas_then_spaces()
    {
        var text = "one two three four five, six seven eight nine ten eleven twelve thirteen fourteen";

        var chunks = TextChunker.Split(text, 30);

        Assert.Equal("one two three four five,", chunks[0]);
        Assert.All(chunks, c => Assert.True(c.Length <= 30, c));
        Assert.Equal(Words(text), chunks.SelectMany(Words));
    }

    [Fact]
    public void A_word_longer_than_a_chunk_is_cut()
    {
        var chunks = TextChunker.Split(new string('x', 25), 10);

        Assert.Equal([10, 10, 5], chunks.Select(c => c.Length));
    }

    private static string[] Words(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
