using Alicia.Speech.Evaluation;
using Alicia.Speech.Interop;

namespace Alicia.Speech.Tests;

public sealed class WordGraphCompactorTests
{
    [Fact]
    public void The_sample_grammar_keeps_its_sentences_with_fewer_states()
    {
        var expanded = Compile(JsgfGrammar.WithSingleEntryRule(SampleGrammar.Jsgf));

        var compact = WordGraphCompactor.Compact(expanded);

        Assert.Equal(Sentences(expanded), Sentences(compact));
        Assert.Superset(SampleGrammar.Sentences.ToHashSet(), Sentences(compact));
        Assert.True(compact.StateCount < expanded.StateCount, $"{expanded.StateCount} -> {compact.StateCount} states");
    }

    [Fact]
    public void Copies_of_a_rule_in_different_places_become_one()
    {
        const string jsgf = """
            #JSGF V1.0;
            grammar g;
            <device> = kitchen light | bedroom light | living room lamp;
            public <command> = turn on [the] <device> | turn off [the] <device> | toggle [the] <device>;
            """;
        var expanded = Compile(jsgf);

        var compact = WordGraphCompactor.Compact(expanded);

        Assert.Equal(Sentences(expanded), Sentences(compact));
        Assert.Equal(18, Sentences(compact).Count);
        // The three openings share one copy of "[the] <device>": each device's first word follows it with and without
        // "the", and the rest of the device names is there once.
        Assert.Equal(2, compact.Transitions.Count(t => t.Word == "kitchen"));
        Assert.Equal(1, compact.Transitions.Count(t => t.Word == "light"));
        Assert.Equal(1, compact.Transitions.Count(t => t.Word == "lamp"));
    }

    [Fact]
    public void Weights_written_in_the_grammar_are_kept()
    {
        var compact = WordGraphCompactor.Compact(Compile("#JSGF V1.0;\ngrammar g;\npublic <a> = /3/ yes please | /1/ no;\n"));

        var first = compact.Transitions.Where(t => t.From == compact.Start).ToDictionary(t => t.Word!, t => t.Probability);
        Assert.Equal(3, first["yes"] / first["no"], 3);
    }

    [Fact]
    public void States_that_lead_nowhere_or_cannot_be_reached_are_dropped()
    {
        var graph = WordGraph.Parse("""
            NUM_STATES 5
            START_STATE 0
            FINAL_STATE 2
            TRANSITION 0 1 0.5 hello
            TRANSITION 1 2 1.0
            TRANSITION 0 3 0.5 dead
            TRANSITION 4 2 1.0 unreachable
            """);

        var compact = WordGraphCompactor.Compact(graph);

        Assert.Equal(["hello"], Sentences(compact));
        Assert.DoesNotContain(compact.Transitions, t => t.Word is "dead" or "unreachable");
    }

    [Fact]
    public void Null_transitions_are_followed_through_loops_and_chains()
    {
        var graph = WordGraph.Parse("""
            NUM_STATES 5
            START_STATE 0
            FINAL_STATE 4
            TRANSITION 0 1 1.0
            TRANSITION 1 0 1.0
            TRANSITION 1 2 0.5
            TRANSITION 2 3 1.0 stop
            TRANSITION 0 3 0.5 go
            TRANSITION 3 4 1.0
            """);

        var compact = WordGraphCompactor.Compact(graph);

        Assert.Equal(["go", "stop"], Sentences(compact).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(compact.Transitions, t => t.Word is null && t.To != compact.Final);
        Assert.Equal(0.5, compact.Transitions.Single(t => t.Word == "stop").Probability, 6);
    }

    [Fact]
    public void A_grammar_that_does_not_parse_compiles_to_nothing()
    {
        Assert.Null(JsgfCompiler.Compile("#JSGF V1.0;\ngrammar g;\npublic <a> = (yes | no;\n"));
        Assert.Null(JsgfCompiler.Compile("#JSGF V1.0;\ngrammar g;\n<a> = yes;\n"));
    }

    private static WordGraph Compile(string jsgf) =>
        JsgfCompiler.Compile(jsgf) ?? throw new InvalidOperationException("The test grammar does not compile.");

    /// <summary>Every sentence the graph accepts (the test grammars have no loops through words).</summary>
    private static HashSet<string> Sentences(WordGraph graph)
    {
        var from = graph.Transitions.ToLookup(t => t.From);
        var sentences = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<(int State, string Words, int Nulls)>([(graph.Start, "", 0)]);
        while (pending.TryPop(out var path))
        {
            if (path.State == graph.Final)
            {
                sentences.Add(path.Words);
            }

            foreach (var transition in from[path.State])
            {
                if (transition.Word is null)
                {
                    // A run of null transitions longer than the graph has states goes round a loop.
                    if (path.Nulls < graph.StateCount)
                    {
                        pending.Push((transition.To, path.Words, path.Nulls + 1));
                    }
                }
                else
                {
                    pending.Push((transition.To, path.Words.Length == 0 ? transition.Word : $"{path.Words} {transition.Word}", 0));
                }
            }
        }

        return sentences;
    }
}
