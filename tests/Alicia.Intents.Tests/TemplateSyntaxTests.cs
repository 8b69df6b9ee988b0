namespace Alicia.Intents.Tests;

/// <summary>Each construct of the template language, on small grammars written in the test.</summary>
public sealed class TemplateSyntaxTests
{
    private static readonly Dictionary<string, IReadOnlyList<SlotValue>> NoLists = [];

    private static IntentRecognizer Compile(string text, Dictionary<string, IReadOnlyList<SlotValue>>? lists = null) =>
        IntentRecognizer.Compile(IntentTemplates.Parse(text, "test.ini"), lists ?? NoLists);

    [Theory]
    [InlineData("open the window", true)]
    [InlineData("open window", true)]
    [InlineData("open the the window", false)]
    [InlineData("open a window", false)]
    public void Optional_words_may_be_left_out(string sentence, bool accepted)
    {
        var recognizer = Compile("[Open]\nopen [the] window\n");

        Assert.Equal(accepted, recognizer.Recognize(sentence)?.Confidence == 1.0);
    }

    [Theory]
    [InlineData("lights on", "state=on")]
    [InlineData("lights off", "state=off")]
    [InlineData("lights out", "state=off")]
    public void Alternatives_with_tags_and_substitutions_fill_slots(string sentence, string slots)
    {
        var recognizer = Compile("[Lights]\nlights (on | off | out:off){state}\n");

        SlotAssert.Recognized(recognizer, sentence, "Lights", slots);
    }

    [Fact]
    public void Group_substitution_replaces_all_its_words()
    {
        var recognizer = Compile("[Wait]\nwait (half a minute | a moment):30{seconds}\n");

        var match = recognizer.Recognize("wait half a minute");

        Assert.NotNull(match);
        Assert.Equal(new SlotMatch("seconds", "half a minute", "30"), Assert.Single(match.Slots));
    }

    [Fact]
    public void Empty_substitution_drops_a_word_from_the_value()
    {
        var recognizer = Compile("[Go]\ngo to (the: kitchen){room}\n");

        Assert.Equal(new SlotMatch("room", "the kitchen", "kitchen"), Assert.Single(recognizer.Recognize("go to the kitchen")!.Slots));
    }

    [Theory]
    [InlineData("volume one", "1")]
    [InlineData("volume eleven", "11")]
    [InlineData("volume 7", "7")]
    [InlineData("volume twenty", "20")]
    public void Number_ranges_are_spoken_as_words_and_valued_as_digits(string sentence, string value)
    {
        var recognizer = Compile("[Volume]\nvolume (1..20){level}\n");

        SlotAssert.Recognized(recognizer, sentence, "Volume", "level=" + value);
    }

    [Theory]
    [InlineData("volume zero")]
    [InlineData("volume twenty one")]
    public void Numbers_outside_the_range_are_not_accepted_exactly(string sentence) =>
        Assert.NotEqual(1.0, Compile("[Volume]\nvolume (1..20){level}\n").Recognize(sentence)?.Confidence);

    [Fact]
    public void A_single_number_is_a_range_of_one()
    {
        var recognizer = Compile("[Answer]\nthe answer is 42{answer}\n");

        SlotAssert.Recognized(recognizer, "the answer is forty two", "Answer", "answer=42");
    }

    [Fact]
    public void Local_rules_are_expanded_where_referenced()
    {
        const string text = """
            [Call]
            person = (mom | dad){who}
            call <person> [now]
            """;

        SlotAssert.Recognized(Compile(text), "call dad now", "Call", "who=dad");
    }

    [Fact]
    public void Shared_rules_in_a_star_section_are_visible_from_every_file()
    {
        var templates = IntentTemplates.Parse(
        [
            new KeyValuePair<string, string>("rules.ini", "[*]\npolite = [please]\n"),
            new KeyValuePair<string, string>("a.ini", "[Stop]\n<polite> stop\n"),
            new KeyValuePair<string, string>("b.ini", "[Go]\n<polite> go\n"),
        ]);
        var recognizer = IntentRecognizer.Compile(templates, NoLists);

        Assert.Equal("Stop", recognizer.Recognize("please stop")?.Intent);
        Assert.Equal("Go", recognizer.Recognize("go")?.Intent);
    }

    [Fact]
    public void A_local_rule_hides_a_shared_rule_of_the_same_name()
    {
        const string text = """
            [*]
            thing = door
            [Open]
            thing = window
            open <thing>
            [Close]
            close <thing>
            """;
        var recognizer = Compile(text);

        Assert.Equal(1.0, recognizer.Recognize("open window")?.Confidence);
        Assert.Equal(1.0, recognizer.Recognize("close door")?.Confidence);
        Assert.NotEqual(1.0, recognizer.Recognize("open door")?.Confidence);
    }

    [Fact]
    public void A_slot_list_outside_a_tag_is_a_slot_named_after_the_list()
    {
        var lists = new Dictionary<string, IReadOnlyList<SlotValue>> { ["room"] = [new SlotValue("Living Room", "living")] };

        SlotAssert.Recognized(Compile("[Clean]\nclean [the] $room\n", lists), "clean the living room", "Clean", "room=living");
        SlotAssert.Recognized(Compile("[Clean]\nclean [the] $room{where}\n", lists), "clean the living room", "Clean", "where=living");
        SlotAssert.Recognized(Compile("[Clean]\nclean ([the] $room){where}\n", lists), "clean the living room", "Clean", "where=the living");
    }

    [Fact]
    public void Comments_and_blank_lines_are_ignored()
    {
        const string text = """
            # a comment line

            [Stop]   # the stop intent
            stop     # plain
            halt
            """;
        var recognizer = Compile(text);

        Assert.Equal("Stop", recognizer.Recognize("halt")?.Intent);
        Assert.Equal(["halt", "stop"], recognizer.Words);
    }

    [Fact]
    public void Template_words_are_lower_cased_and_apostrophes_kept()
    {
        var recognizer = Compile("[Time]\nWhat's The TIME\n");

        Assert.Equal(["the", "time", "what's"], recognizer.Words);
        Assert.Equal("Time", recognizer.Recognize("what's the time")?.Intent);
    }

    [Theory]
    [InlineData("[A]\nturn on (the light\n", 2, "never closed")]
    [InlineData("[A]\nturn on [the light\n", 2, "never closed")]
    [InlineData("[A]\nturn on the) light\n", 2, "without a matching")]
    [InlineData("[A]\nturn on (the] light\n", 2, "closes '('")]
    [InlineData("[A]\nstop\n\n[B]\ngo <nowhere>\n", 5, "unknown rule <nowhere>")]
    [InlineData("[A]\nx = <y>\ny = <x>\ngo <x>\n", 3, "refers to itself")]
    [InlineData("turn on\n", 1, "outside any section")]
    [InlineData("[A]\nstop\n[A]\ngo\n", 3, "already defined")]
    [InlineData("[A]\n", 1, "has no templates")]
    [InlineData("[A]\nset to 10..5\n", 2, "is empty")]
    [InlineData("[A]\nset to 1..100000\n", 2, "too big")]
    [InlineData("[A]\nplay mp3\n", 2, "cannot contain digits")]
    [InlineData("[A]\nturn on {state}\n", 2, "must follow")]
    [InlineData("[A]\nturn (on){}\n", 2, "not a valid slot name")]
    [InlineData("[A]\nturn (on){state\n", 2, "never closed")]
    [InlineData("[A]\nturn $ on\n", 2, "slot list name")]
    [InlineData("[A]\nturn :x on\n", 2, "substitution")]
    [InlineData("[A]\nturn [on]:x\n", 2, "substitution")]
    [InlineData("[A]\nturn () on\n", 2, "empty group")]
    [InlineData("[A]\nturn on = off\n", 2, "'='")]
    [InlineData("[*]\nstop\n", 2, "only rules")]
    [InlineData("[A]\nturn on ; off\n", 2, "unexpected character ';'")]
    public void Mistakes_are_reported_with_file_and_line(string text, int line, string problem)
    {
        var error = Assert.Throws<IntentTemplateException>(() => IntentTemplates.Parse(text, "broken.ini"));

        Assert.Equal("broken.ini", error.FileName);
        Assert.Equal(line, error.LineNumber);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        Assert.StartsWith($"broken.ini:{line}: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_slot_list_is_reported_with_line_at_compile_time()
    {
        var templates = IntentTemplates.Parse("[A]\nstop\n[B]\nturn on $garage\n", "lists.ini");

        var error = Assert.Throws<IntentTemplateException>(() => IntentRecognizer.Compile(templates, NoLists));

        Assert.Equal("lists.ini", error.FileName);
        Assert.Equal(4, error.LineNumber);
        Assert.Contains("unknown slot list $garage", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Errors_in_loaded_files_name_the_file()
    {
        var directory = Directory.CreateTempSubdirectory("alicia-intents-");
        try
        {
            File.WriteAllText(Path.Combine(directory.FullName, "a.ini"), "[A]\nstop\n");
            File.WriteAllText(Path.Combine(directory.FullName, "b.ini"), "[B]\ngo\ngo (now\n");

            var error = Assert.Throws<IntentTemplateException>(() => IntentTemplates.Load(directory.FullName));

            Assert.Equal(Path.Combine(directory.FullName, "b.ini"), error.FileName);
            Assert.Equal(3, error.LineNumber);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
