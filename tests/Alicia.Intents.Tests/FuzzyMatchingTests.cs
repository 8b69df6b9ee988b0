namespace Alicia.Intents.Tests;

/// <summary>Small speech recognition errors are tolerated with a confidence below 1, never at the cost of slot values.</summary>
public sealed class FuzzyMatchingTests
{
    [Theory]
    // a word substituted
    [InlineData("set the brightness of the living room lamp to fifty persent", "SetBrightness", "light=living_room_lamp; brightness=50")]
    [InlineData("set a timer four five minutes", "StartTimer", "minutes=5")]
    [InlineData("what is the whether like today", "GetWeather", "")]
    [InlineData("turn on the kitchen lights", "TurnOn", "device=kitchen_light")]
    [InlineData("switch of the bedroom light", "TurnOff", "device=bedroom_light")]
    // a word dropped
    [InlineData("set the brightness of the living room lamp fifty percent", "SetBrightness", "light=living_room_lamp; brightness=50")]
    [InlineData("set the living room lamp twenty five percent", "SetBrightness", "light=living_room_lamp; brightness=25")]
    [InlineData("set a timer ten minutes", "StartTimer", "minutes=10")]
    [InlineData("set a for ten minutes and thirty seconds", "StartTimer", "minutes=10; seconds=30")]
    [InlineData("what is the temperature in", "GetTemperature", "")]
    // a word added
    [InlineData("please turn on the kitchen light", "TurnOn", "device=kitchen_light")]
    [InlineData("um what time is it", "GetTime", "")]
    [InlineData("could you turn off the bedroom light", "TurnOff", "device=bedroom_light")]
    [InlineData("set a timer for five minutes for pasta", "StartTimer", "minutes=5")]
    public void Tolerates_one_small_error(string sentence, string intent, string slots)
    {
        var match = DemoHome.Recognizer.Recognize(sentence);

        Assert.True(match is not null, $"'{sentence}' was not recognized");
        Assert.Equal(intent, match.Intent);
        Assert.Equal(slots, SlotAssert.Describe(match.Slots));
        Assert.InRange(match.Confidence, DemoHome.Recognizer.MinConfidence, 0.999);
    }

    [Fact]
    public void A_corrected_slot_word_keeps_the_heard_raw_value()
    {
        var match = DemoHome.Recognizer.Recognize("turn on the kitchen lights");

        Assert.NotNull(match);
        var device = Assert.Single(match.Slots);
        Assert.Equal("kitchen lights", device.RawValue);
        Assert.Equal("kitchen_light", device.Value);
    }

    [Fact]
    public void More_errors_mean_lower_confidence()
    {
        var one = DemoHome.Recognizer.Recognize("set the brightness of the living room lamp to fifty persent");
        var two = DemoHome.Recognizer.Recognize("set brightness of the living room lamp to fifty persent");

        Assert.NotNull(one);
        Assert.NotNull(two);
        Assert.True(two.Confidence < one.Confidence, $"{two.Confidence} should be below {one.Confidence}");
    }

    [Theory]
    [InlineData("turn on the living room")]
    [InlineData("turn on the room lamp")]
    [InlineData("set a timer for five")]
    [InlineData("set a timer for minutes")]
    [InlineData("set the living room lamp to percent")]
    public void Never_guesses_a_slot_word_that_was_not_heard(string heard)
    {
        Assert.Null(DemoHome.Recognizer.Recognize(heard));
    }

    [Fact]
    public void A_dropped_number_word_is_not_restored()
    {
        // "twenty minutes" is a sentence of its own: it must not become twenty five.
        var match = DemoHome.Recognizer.Recognize("set a timer for twenty minutes");

        Assert.NotNull(match);
        Assert.Equal("minutes=20", SlotAssert.Describe(match.Slots));
    }
}
