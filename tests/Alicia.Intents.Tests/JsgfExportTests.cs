using System.Text.RegularExpressions;

namespace Alicia.Intents.Tests;

/// <summary>The JSGF grammar for pocketsphinx accepts the same sentences as the recognizer.</summary>
public sealed partial class JsgfExportTests
{
    private static readonly string Jsgf = DemoHome.Recognizer.ToJsgf();

    [Fact]
    public void Starts_with_header_grammar_name_and_public_command()
    {
        var lines = Jsgf.Split('\n');

        Assert.Equal("#JSGF V1.0;", lines[0]);
        Assert.Equal("grammar alicia;", lines[1]);
        Assert.Single(lines, l => l.StartsWith("public ", StringComparison.Ordinal));
        Assert.StartsWith("public <command> = <intent_", lines.Single(l => l.StartsWith("public ", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public void Brackets_are_balanced_and_words_are_lower_case()
    {
        foreach (var (open, close) in new[] { ('(', ')'), ('[', ']'), ('<', '>') })
        {
            var depth = 0;
            foreach (var c in Jsgf)
            {
                depth += c == open ? 1 : c == close ? -1 : 0;
                Assert.True(depth >= 0, $"'{close}' before its '{open}'");
            }

            Assert.Equal(0, depth);
        }

        var words = GrammarWords(Jsgf);
        Assert.NotEmpty(words);
        Assert.All(words, w => Assert.Matches("^[a-z]+('[a-z]+)?$", w));
    }

    [Fact]
    public void Uses_exactly_the_words_the_recognizer_lists()
    {
        Assert.Equal(DemoHome.Recognizer.Words, GrammarWords(Jsgf).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_example_sentence_is_in_the_grammar_and_recognized_as_its_intent()
    {
        var grammar = new JsgfReader(Jsgf);
        var examples = DemoHome.Recognizer.Examples(maxPerIntent: 40).ToList();

        Assert.True(examples.Count > 300, $"only {examples.Count} examples");
        foreach (var example in examples)
        {
            Assert.True(grammar.Accepts(example.Text), $"JSGF rejects '{example.Text}'");
            var match = DemoHome.Recognizer.Recognize(example.Text);
            Assert.True(match is not null, $"recognizer rejects '{example.Text}'");
            Assert.Equal(example.Intent, match.Intent);
            Assert.Equal(1.0, match.Confidence);
            Assert.Equal(example.Slots, match.Slots);
        }
    }

    [Fact]
    public void Every_sentence_sampled_from_the_grammar_is_recognized_exactly()
    {
        var grammar = new JsgfReader(Jsgf);
        var random = new Random(7);
        for (var i = 0; i < 2000; i++)
        {
            var sentence = grammar.Sample(random);
            Assert.True(DemoHome.Recognizer.Recognize(sentence)?.Confidence == 1.0, $"grammar sentence '{sentence}' is not a template sentence");
        }
    }

    [Fact]
    public void Grammar_rejects_sentences_outside_the_templates()
    {
        var grammar = new JsgfReader(Jsgf);

        Assert.True(grammar.Accepts("turn on the kitchen light"));
        Assert.False(grammar.Accepts("turn on the garage light"));
        Assert.False(grammar.Accepts("set a timer for ninety one minutes"));
        Assert.False(grammar.Accepts("please turn on the kitchen light"));
    }

    [Fact]
    public void A_new_device_appears_in_the_grammar_after_recompiling()
    {
        var lists = DemoHome.SlotLists();
        lists["device"] = [.. lists["device"], new SlotValue("Garage Light", "garage_light")];

        var jsgf = DemoHome.Compile(lists).ToJsgf();

        Assert.DoesNotContain("garage", Jsgf, StringComparison.Ordinal);
        Assert.Contains("garage light", jsgf, StringComparison.Ordinal);
        Assert.True(new JsgfReader(jsgf).Accepts("turn on the garage light"));
    }

    [Fact]
    public void An_empty_slot_list_removes_the_sentences_that_need_it()
    {
        var lists = DemoHome.SlotLists();
        lists["lock"] = [];

        var recognizer = DemoHome.Compile(lists);
        var jsgf = recognizer.ToJsgf();

        Assert.DoesNotContain("<list_lock>", jsgf, StringComparison.Ordinal);
        Assert.DoesNotContain("<intent_unlock>", jsgf, StringComparison.Ordinal);
        Assert.DoesNotContain("unlock", recognizer.Words);
        Assert.Empty(recognizer.Examples("Unlock"));
        Assert.Null(recognizer.Recognize("unlock the front door"));
        Assert.True(new JsgfReader(jsgf).Accepts("turn on the kitchen light"));
    }

    private static List<string> GrammarWords(string jsgf)
    {
        var bodies = jsgf.Split('\n').Where(l => l.Contains('=', StringComparison.Ordinal)).Select(l => l[(l.IndexOf('=', StringComparison.Ordinal) + 1)..]);
        return bodies
            .SelectMany(b => RuleReference().Replace(b, " ").Split([' ', '(', ')', '[', ']', '|', ';'], StringSplitOptions.RemoveEmptyEntries))
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex RuleReference();
}
