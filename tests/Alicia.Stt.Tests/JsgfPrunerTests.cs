using Alicia.Stt.Recognition;

namespace Alicia.Stt.Tests;

public sealed class JsgfPrunerTests
{
    private const string Header = "#JSGF V1.0;\ngrammar test;\n";

    [Fact]
    public void Alternatives_using_an_unknown_word_are_dropped_and_the_others_kept()
    {
        var pruned = JsgfPruner.Prune(Header + "public <c> = open the door | frobnicate the door | close [ the ] door;", ["frobnicate"]);
        Assert.Equal(Header + "public <c> = open the door | close [ the ] door;\n", pruned);
    }

    [Fact]
    public void An_optional_part_with_an_unknown_word_disappears_but_its_sequence_stays()
    {
        var pruned = JsgfPruner.Prune(Header + "public <c> = turn on [ the zorblax ] light;", ["zorblax"]);
        Assert.Equal(Header + "public <c> = turn on light;\n", pruned);
    }

    [Fact]
    public void A_rule_left_empty_is_dropped_with_every_reference_to_it()
    {
        var grammar = Header + """
            public <command> = <power> | <gadget> | what time is it;
            <power> = ( turn | switch ) on [ the ] <device>;
            <device> = zorblax | "frob lamp";
            <gadget> = toggle <device> {toggle} | toggle the radio;
            """;
        var pruned = JsgfPruner.Prune(grammar, ["zorblax", "frob"]);
        Assert.Equal(Header + "public <command> = <gadget> | what time is it;\n<gadget> = toggle the radio;\n", pruned);
    }

    [Fact]
    public void Tags_weights_repeats_and_comments_survive()
    {
        var grammar = Header + "// devices\npublic <c> = /10/ lights ( on {on} | off {off} ) | /1/ please+ stop* | bogus;";
        var pruned = JsgfPruner.Prune(grammar, ["bogus"]);
        Assert.Equal(Header + "public <c> = /10/ lights ( on {on} | off {off} ) | /1/ please+ stop*;\n", pruned);
    }

    [Fact]
    public void Nothing_left_means_no_rules()
    {
        var pruned = JsgfPruner.Prune(Header + "public <c> = zorblax | frobnicate it;", ["zorblax", "frobnicate"]);
        Assert.Equal(Header, pruned);
    }

    [Theory]
    [InlineData("public <c> = ( open the door;")]
    [InlineData("public <c> = open | | close;")]
    [InlineData("public <c> = open <door;")]
    public void Broken_jsgf_is_reported(string rule) =>
        Assert.Throws<FormatException>(() => JsgfPruner.Prune(Header + rule, ["x"]));
}
