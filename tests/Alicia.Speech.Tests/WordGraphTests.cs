namespace Alicia.Speech.Tests;

public sealed class WordGraphTests
{
    private const string TwoWords = """
        FSG_BEGIN yes_no
        NUM_STATES 3
        START_STATE 0
        FINAL_STATE 2
        TRANSITION 0 1 0.75 yes
        TRANSITION 0 1 0.25 no
        TRANSITION 1 2 1.0
        FSG_END
        """;

    [Fact]
    public void The_fsg_text_format_is_read_and_written_back()
    {
        var graph = WordGraph.Parse(TwoWords);

        Assert.Equal((3, 0, 2), (graph.StateCount, graph.Start, graph.Final));
        Assert.Equal(
            [new WordTransition(0, 1, 0.75, "yes"), new WordTransition(0, 1, 0.25, "no"), new WordTransition(1, 2, 1.0, null)],
            graph.Transitions);
        Assert.Equal(2, graph.WordTransitionCount);
        Assert.Equal(graph.Transitions, WordGraph.Parse(graph.ToFsg("again")).Transitions);
        Assert.StartsWith("FSG_BEGIN again\n", graph.ToFsg("again"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("NUM_STATES 2\nSTART_STATE 0\n", "FINAL_STATE")]
    [InlineData("NUM_STATES 2\nSTART_STATE 0\nFINAL_STATE 1\nTRANSITION 0 5 1.0 yes\n", "inconsistent")]
    [InlineData("NUM_STATES 2\nSTART_STATE 0\nFINAL_STATE 1\nTRANSITION 0 1 -0.5 yes\n", "not a probability")]
    [InlineData("NUM_STATES two\n", "not a state number")]
    [InlineData("NUM_STATES 2\nSTART_STATE 0\nFINAL_STATE 1\nJUMP 0 1\n", "Unexpected FSG line 'JUMP 0 1'")]
    public void Malformed_text_is_refused_with_the_reason(string fsg, string reason)
    {
        var error = Assert.Throws<FormatException>(() => WordGraph.Parse(fsg));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }
}
