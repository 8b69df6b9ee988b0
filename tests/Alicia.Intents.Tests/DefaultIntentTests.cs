namespace Alicia.Intents.Tests;

/// <summary>The shipped templates recognize the sentences people say to the demo home, with their slots.</summary>
public sealed class DefaultIntentTests
{
    [Theory]
    // switching
    [InlineData("turn on the kitchen light", "TurnOn", "device=kitchen_light")]
    [InlineData("Turn on the kitchen light.", "TurnOn", "device=kitchen_light")]
    [InlineData("switch on bedroom light", "TurnOn", "device=bedroom_light")]
    [InlineData("turn the living room lamp on", "TurnOn", "device=living_room_lamp")]
    [InlineData("TURN OFF THE KITCHEN LIGHT!", "TurnOff", "device=kitchen_light")]
    [InlineData("switch the bedroom light off", "TurnOff", "device=bedroom_light")]
    [InlineData("toggle the living room lamp", "Toggle", "device=living_room_lamp")]
    // brightness
    [InlineData("set the living room lamp to twenty five percent", "SetBrightness", "light=living_room_lamp; brightness=25")]
    [InlineData("set the living room lamp to twenty-five percent", "SetBrightness", "light=living_room_lamp; brightness=25")]
    [InlineData("set the living room lamp to 25%", "SetBrightness", "light=living_room_lamp; brightness=25")]
    [InlineData("set the living room lamp to twenty five", "SetBrightness", "light=living_room_lamp; brightness=25")]
    [InlineData("set the brightness of living room lamp to fifty percent", "SetBrightness", "light=living_room_lamp; brightness=50")]
    [InlineData("set the brightness of the living room lamp to one hundred percent", "SetBrightness", "light=living_room_lamp; brightness=100")]
    [InlineData("set brightness to 7", "SetBrightness", "brightness=7")]
    [InlineData("dim the living room lamp to half", "SetBrightness", "light=living_room_lamp; brightness=50")]
    [InlineData("set the living room lamp to full brightness", "SetBrightness", "light=living_room_lamp; brightness=100")]
    [InlineData("make the living room lamp brighter", "Brighter", "light=living_room_lamp")]
    [InlineData("make it brighter", "Brighter", "")]
    [InlineData("turn up the living room lamp", "Brighter", "light=living_room_lamp")]
    [InlineData("dim the living room lamp", "Dimmer", "light=living_room_lamp")]
    [InlineData("make it darker", "Dimmer", "")]
    // temperature
    [InlineData("set the thermostat to twenty one degrees", "SetTemperature", "thermostat=thermostat; temperature=21")]
    [InlineData("change the temperature to 68", "SetTemperature", "temperature=68")]
    [InlineData("set the heating to nineteen", "SetTemperature", "temperature=19")]
    [InlineData("what's the temperature", "GetTemperature", "")]
    [InlineData("what is the temperature inside", "GetTemperature", "")]
    [InlineData("what's the thermostat set to", "GetTemperature", "thermostat=thermostat")]
    [InlineData("how warm is it in here", "GetTemperature", "")]
    // timers
    [InlineData("set a timer for five minutes", "StartTimer", "minutes=5")]
    [InlineData("set a timer for 90 seconds", "StartTimer", "seconds=90")]
    [InlineData("start a timer for two hours", "StartTimer", "hours=2")]
    [InlineData("set a timer for an hour and fifteen minutes", "StartTimer", "hours=1; minutes=15")]
    [InlineData("set a timer for one minute and thirty seconds", "StartTimer", "minutes=1; seconds=30")]
    [InlineData("set a timer for a minute", "StartTimer", "minutes=1")]
    [InlineData("set a timer for half an hour", "StartTimer", "minutes=30")]
    [InlineData("start a ten minute timer", "StartTimer", "minutes=10")]
    [InlineData("timer for forty five seconds", "StartTimer", "seconds=45")]
    [InlineData("set timer for ten minutes", "StartTimer", "minutes=10")]
    [InlineData("cancel the timer", "CancelTimer", "")]
    [InlineData("stop my timer", "CancelTimer", "")]
    [InlineData("how long is left", "TimerStatus", "")]
    [InlineData("how much time is left on the timer", "TimerStatus", "")]
    [InlineData("what's left on my timer", "TimerStatus", "")]
    // clock
    [InlineData("what time is it", "GetTime", "")]
    [InlineData("What's the time?", "GetTime", "")]
    [InlineData("tell me the time", "GetTime", "")]
    [InlineData("what's the date", "GetDate", "")]
    [InlineData("what day is it today", "GetDate", "")]
    [InlineData("what is today's date", "GetDate", "")]
    [InlineData("What\u2019s today\u2019s date?", "GetDate", "")]
    // weather, help, stop, repeat
    [InlineData("what's the weather", "GetWeather", "")]
    [InlineData("what is the weather like today", "GetWeather", "")]
    [InlineData("is it going to rain tomorrow", "GetWeather", "")]
    [InlineData("what can you do", "Help", "")]
    [InlineData("help", "Help", "")]
    [InlineData("stop", "Stop", "")]
    [InlineData("cancel", "Stop", "")]
    [InlineData("never mind", "Stop", "")]
    [InlineData("say that again", "Repeat", "")]
    [InlineData("repeat", "Repeat", "")]
    [InlineData("what did you say", "Repeat", "")]
    // locks
    [InlineData("lock the front door", "Lock", "lock=front_door")]
    [InlineData("unlock front door", "Unlock", "lock=front_door")]
    public void Recognizes_paraphrases_exactly(string sentence, string intent, string slots)
    {
        SlotAssert.Recognized(DemoHome.Recognizer, sentence, intent, slots);
        Assert.Equal(1.0, DemoHome.Recognizer.Recognize(sentence)!.Confidence);
    }

    [Theory]
    [InlineData("set the living room lamp to 25 percent", "brightness", "twenty five", "25")]
    [InlineData("turn on the living room lamp", "device", "living room lamp", "living_room_lamp")]
    [InlineData("set a timer for half an hour", "minutes", "half an hour", "30")]
    [InlineData("dim the living room lamp to half", "brightness", "half", "50")]
    [InlineData("set a timer for an hour", "hours", "an hour", "1")]
    [InlineData("set a timer for 5 minutes", "minutes", "five minutes", "5")]
    public void Slot_has_heard_words_as_raw_value_and_normalized_value(string sentence, string slot, string raw, string value)
    {
        var match = DemoHome.Recognizer.Recognize(sentence);

        Assert.NotNull(match);
        var found = Assert.Single(match.Slots, s => s.Name == slot);
        Assert.Equal(raw, found.RawValue);
        Assert.Equal(value, found.Value);
        Assert.Equal(value, match.SlotValue(slot));
    }

    [Fact]
    public void Match_text_is_the_normalized_sentence()
    {
        var match = DemoHome.Recognizer.Recognize("Set a timer for 5 minutes, please!");

        Assert.NotNull(match);
        Assert.Equal("set a timer for five minutes please", match.Text);
    }

    [Fact]
    public void Templates_name_their_slot_lists_and_intents()
    {
        Assert.Equal(["device", "light", "lock", "thermostat"], DemoHome.Templates.SlotListNames);
        Assert.Contains("TurnOn", DemoHome.Templates.IntentNames);
        Assert.Contains("GetWeather", DemoHome.Recognizer.Intents);
        Assert.Equal(DemoHome.Templates.IntentNames.Count, DemoHome.Templates.IntentNames.Distinct().Count());
    }
}
