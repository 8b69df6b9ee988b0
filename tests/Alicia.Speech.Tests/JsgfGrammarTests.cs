using Alicia.Speech.Evaluation;

namespace Alicia.Speech.Tests;

public sealed class JsgfGrammarTests
{
    [Fact]
    public void Words_skip_rule_names_tags_weights_comments_and_declarations()
    {
        const string jsgf = """
            #JSGF V1.0;
            grammar home; // a comment with words
            /* block comment */
            public <cmd> = /2/ turn (on | off) [the] <thing> {action} | "living room"+;
            <thing> = lamp*;
            """;

        Assert.Equal(["turn", "on", "off", "the", "living", "room", "lamp"], JsgfGrammar.Words(jsgf));
    }

    [Fact]
    public void Public_rules_are_listed_in_order()
    {
        Assert.Equal(["power", "timer", "time", "brightness", "temperature", "music", "weather"], JsgfGrammar.PublicRules(SampleGrammar.Jsgf));
    }

    [Fact]
    public void Several_public_rules_get_one_entry_rule()
    {
        var single = JsgfGrammar.WithSingleEntryRule("#JSGF V1.0;\ngrammar g;\npublic <a> = yes;\npublic <b> = no;\n");

        Assert.Equal([JsgfGrammar.EntryRule], JsgfGrammar.PublicRules(single));
        Assert.Contains("<a> = yes;", single, StringComparison.Ordinal);
        Assert.Contains("= <a> | <b>;", single, StringComparison.Ordinal);
    }

    [Fact]
    public void A_single_public_rule_is_left_alone()
    {
        const string jsgf = "#JSGF V1.0;\ngrammar g;\npublic <a> = yes | no;\n";

        Assert.Same(jsgf, JsgfGrammar.WithSingleEntryRule(jsgf));
    }

    [Fact]
    public void Undefined_rule_references_are_found()
    {
        const string jsgf = "#JSGF V1.0;\ngrammar g;\npublic <a> = <b> <missing> <NULL> <other.rule>;\n<b> = yes;\n";

        Assert.Equal(["missing"], JsgfGrammar.UndefinedRules(jsgf));
        Assert.Empty(JsgfGrammar.UndefinedRules(SampleGrammar.Jsgf));
    }
}
