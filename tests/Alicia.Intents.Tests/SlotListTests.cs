namespace Alicia.Intents.Tests;

/// <summary>Slot lists come from the caller at compile time; a new recognizer picks up new devices.</summary>
public sealed class SlotListTests
{
    [Fact]
    public void Recompiling_with_a_new_device_makes_it_recognizable()
    {
        var before = DemoHome.Recognizer;
        var lists = DemoHome.SlotLists();
        lists["device"] = [.. lists["device"], new SlotValue("garage light", "garage_light_1")];

        var after = DemoHome.Compile(lists);

        Assert.Null(before.Recognize("turn on the garage light"));
        SlotAssert.Recognized(after, "turn on the garage light", "TurnOn", "device=garage_light_1");
        SlotAssert.Recognized(after, "turn on the kitchen light", "TurnOn", "device=kitchen_light");
        Assert.Contains("garage", after.Words);
        Assert.DoesNotContain("garage", before.Words);
    }

    [Fact]
    public void Removing_a_device_makes_it_unrecognizable()
    {
        var lists = DemoHome.SlotLists();
        lists["device"] = lists["device"].Where(d => d.Value != "bedroom_light").ToList();

        var recognizer = DemoHome.Compile(lists);

        Assert.Null(recognizer.Recognize("turn on the bedroom light"));
        Assert.NotNull(recognizer.Recognize("turn on the kitchen light"));
    }

    [Fact]
    public void Names_are_normalized_like_sentences()
    {
        var lists = DemoHome.SlotLists();
        lists["device"] = [new SlotValue("TV 2", "tv_2"), new SlotValue("Coffee-Maker", "coffee")];

        var recognizer = DemoHome.Compile(lists);

        SlotAssert.Recognized(recognizer, "turn on the tv two", "TurnOn", "device=tv_2");
        SlotAssert.Recognized(recognizer, "turn on the TV 2", "TurnOn", "device=tv_2");
        SlotAssert.Recognized(recognizer, "switch the coffee maker off", "TurnOff", "device=coffee");
    }

    [Fact]
    public void Several_names_may_share_a_value_and_the_first_of_a_repeated_name_wins()
    {
        var lists = DemoHome.SlotLists();
        lists["device"] =
        [
            new SlotValue("kitchen light", "kitchen_light"),
            new SlotValue("ceiling light", "kitchen_light"),
            new SlotValue("kitchen light", "other"),
        ];

        var recognizer = DemoHome.Compile(lists);

        SlotAssert.Recognized(recognizer, "turn on the ceiling light", "TurnOn", "device=kitchen_light");
        SlotAssert.Recognized(recognizer, "turn on the kitchen light", "TurnOn", "device=kitchen_light");
    }

    [Fact]
    public void Names_sharing_first_words_are_told_apart()
    {
        var lists = DemoHome.SlotLists();
        lists["device"] = [new SlotValue("light", "l1"), new SlotValue("light strip", "l2"), new SlotValue("light strip two", "l3")];

        var recognizer = DemoHome.Compile(lists);

        SlotAssert.Recognized(recognizer, "turn on the light", "TurnOn", "device=l1");
        SlotAssert.Recognized(recognizer, "turn on the light strip", "TurnOn", "device=l2");
        SlotAssert.Recognized(recognizer, "turn the light strip two on", "TurnOn", "device=l3");
    }

    [Fact]
    public void A_name_without_words_is_refused()
    {
        var lists = DemoHome.SlotLists();
        lists["device"] = [new SlotValue("  !! ", "nothing")];

        Assert.Throws<ArgumentException>(() => DemoHome.Compile(lists));
    }

    [Fact]
    public void A_missing_slot_list_names_the_ones_given()
    {
        var lists = DemoHome.SlotLists();
        lists.Remove("lock");

        var error = Assert.Throws<IntentTemplateException>(() => DemoHome.Compile(lists));

        Assert.Contains("unknown slot list $lock", error.Message, StringComparison.Ordinal);
        Assert.Contains("$device", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("locks.ini", error.FileName, StringComparison.Ordinal);
    }

    [Fact]
    public void A_recognizer_can_be_used_from_many_threads()
    {
        var sentences = new[] { "turn on the kitchen lights", "set a timer for five minutes", "please what time is it", "hello world" };
        var expected = sentences.Select(s => DemoHome.Recognizer.Recognize(s)?.Intent).ToList();

        Parallel.For(0, 400, i =>
        {
            var sentence = sentences[i % sentences.Length];
            Assert.Equal(expected[i % sentences.Length], DemoHome.Recognizer.Recognize(sentence)?.Intent);
        });
    }
}
