using Alicia.Ai.Dialogue;
using Alicia.Ai.Tests.Support;
using Alicia.Contracts.Devices;

namespace Alicia.Ai.Tests;

/// <summary>One sentence at a time through recognition, device planning, replies and context, without the bus.</summary>
public sealed class AssistantTests : IDisposable
{
    private readonly TestAssistant _ai = new();

    public void Dispose() => _ai.Dispose();

    [Fact]
    public async Task Turning_on_a_device_sends_the_command_and_says_so()
    {
        var response = await _ai.AskAsync("turn on the kitchen light");

        Assert.True(response.Recognized);
        Assert.Equal("TurnOn", response.Intent);
        Assert.Equal(1.0, response.Confidence);
        var slot = Assert.Single(response.Slots);
        Assert.Equal(("device", "kitchen light", "kitchen_light"), (slot.Name, slot.Raw, slot.Value));
        Assert.Equal("Turning on the kitchen light.", response.Reply);
        Assert.Equal([new DeviceCommand("kitchen_light", DeviceActions.TurnOn)], response.Commands);
        Assert.Equal([new DeviceCommand("kitchen_light", DeviceActions.TurnOn)], _ai.Commander.Sent);
        Assert.Equal("local", response.Source);
    }

    [Fact]
    public async Task A_device_known_to_be_on_is_not_switched_again()
    {
        _ai.States.Update(new DeviceState("kitchen_light", "on", UpdatedAt: 1));

        var response = await _ai.AskAsync("turn on the kitchen light");

        Assert.Equal("The kitchen light is already on.", response.Reply);
        Assert.Empty(response.Commands);
        Assert.Empty(_ai.Commander.Sent);
    }

    [Fact]
    public async Task An_unreachable_device_is_reported_honestly()
    {
        _ai.Commander.Unreachable.Add("kitchen_light");

        var response = await _ai.AskAsync("switch off the kitchen light");

        Assert.Equal("I couldn't reach the kitchen light.", response.Reply);
        Assert.Single(response.Commands);
    }

    [Fact]
    public async Task Turn_it_off_after_turning_on_a_device_means_the_same_device()
    {
        await _ai.AskAsync("turn on the kitchen light");

        var response = await _ai.AskAsync("turn it off");

        Assert.Equal("TurnOff", response.Intent);
        Assert.Equal("Turning off the kitchen light.", response.Reply);
        Assert.Equal(new DeviceCommand("kitchen_light", DeviceActions.TurnOff), Assert.Single(response.Commands));
        Assert.Contains(response.Slots, s => s is { Name: "device", Raw: "it", Value: "kitchen_light" });
    }

    [Theory]
    [InlineData("and the bedroom light")]
    [InlineData("the bedroom light too")]
    [InlineData("the bedroom too")]
    [InlineData("what about the bedroom light")]
    public async Task Naming_another_device_repeats_the_last_action_on_it(string followUp)
    {
        await _ai.AskAsync("turn on the kitchen light");

        var response = await _ai.AskAsync(followUp);

        Assert.True(response.Recognized);
        Assert.Equal("TurnOn", response.Intent);
        // "the bedroom" is an area with a light and a fan: after a light, it means the light.
        Assert.Equal(new DeviceCommand("bedroom_light", DeviceActions.TurnOn), Assert.Single(response.Commands));
        Assert.Equal("Turning on the bedroom light.", response.Reply);
    }

    [Fact]
    public async Task A_new_session_on_the_same_site_still_knows_what_it_is()
    {
        await _ai.AskAsync("turn on the kitchen light", session: "s1", site: "kitchen");

        var sameSite = await _ai.AskAsync("turn it off", session: "s2", site: "kitchen");
        var otherSite = await _ai.AskAsync("turn it off", session: "s3", site: "office");

        Assert.Equal("kitchen_light", Assert.Single(sameSite.Commands).DeviceId);
        Assert.Empty(otherSite.Commands);
        Assert.Equal("Which device should I turn off?", otherSite.Reply);
        Assert.True(otherSite.ExpectsReply);
    }

    [Fact]
    public async Task Context_expires()
    {
        await _ai.AskAsync("turn on the kitchen light");
        ((ManualTime)_ai.Time).Advance(new AiOptions().ContextTimeout + TimeSpan.FromSeconds(1));

        var response = await _ai.AskAsync("turn it off");

        Assert.Empty(response.Commands);
        Assert.Equal("Which device should I turn off?", response.Reply);
    }

    [Fact]
    public async Task A_question_about_the_device_is_answered_by_naming_it()
    {
        var question = await _ai.AskAsync("turn it on", site: "office");
        Assert.Equal("Which device should I turn on?", question.Reply);
        Assert.True(question.ExpectsReply);

        var response = await _ai.AskAsync("the living room lamp", site: "office");

        Assert.Equal("Turning on the living room lamp.", response.Reply);
        Assert.Equal(new DeviceCommand("living_room_lamp", DeviceActions.TurnOn), Assert.Single(response.Commands));
    }

    [Fact]
    public async Task The_only_dimmable_light_needs_no_name()
    {
        var response = await _ai.AskAsync("set brightness to 40", site: "office");

        Assert.Equal("Setting the living room lamp to 40 percent.", response.Reply);
        Assert.Equal(new DeviceCommand("living_room_lamp", DeviceActions.SetBrightness, 40), Assert.Single(response.Commands));
    }

    [Fact]
    public async Task Brighter_starts_from_the_known_brightness()
    {
        _ai.States.Update(new DeviceState("living_room_lamp", "on", Brightness: 30, UpdatedAt: 1));

        var response = await _ai.AskAsync("make the living room lamp brighter");

        Assert.Equal("Making the living room lamp brighter.", response.Reply);
        Assert.Equal(new DeviceCommand("living_room_lamp", DeviceActions.SetBrightness, 55), Assert.Single(response.Commands));
    }

    [Fact]
    public async Task The_only_thermostat_needs_no_name()
    {
        var response = await _ai.AskAsync("set the heating to nineteen");

        Assert.Equal("Setting the thermostat to 19 degrees.", response.Reply);
        Assert.Equal(new DeviceCommand("thermostat", DeviceActions.SetTemperature, 19), Assert.Single(response.Commands));
    }

    [Fact]
    public async Task Temperature_is_read_from_the_known_state()
    {
        _ai.States.Update(new DeviceState("thermostat", "heat", Temperature: 20.5, TargetTemperature: 21, UpdatedAt: 1));

        var response = await _ai.AskAsync("what's the temperature");

        Assert.Equal("It's 20.5 degrees inside. The thermostat is set to 21 degrees.", response.Reply);
    }

    [Fact]
    public async Task Locks_report_their_state()
    {
        _ai.States.Update(new DeviceState("front_door", "locked", UpdatedAt: 1));

        Assert.Equal("The front door is already locked.", (await _ai.AskAsync("lock the front door")).Reply);
        Assert.Equal("Unlocking the front door.", (await _ai.AskAsync("unlock the front door")).Reply);
    }

    [Fact]
    public async Task Clock_answers_come_from_the_local_time()
    {
        Assert.Equal("It's 3:07 PM.", (await _ai.AskAsync("what time is it")).Reply);
        Assert.Equal("Today is Tuesday, March 4.", (await _ai.AskAsync("what's the date")).Reply);
    }

    [Theory]
    [InlineData("what's the weather", "GetWeather", Replies.Weather)]
    [InlineData("what can you do", "Help", Replies.Help)]
    [InlineData("never mind", "Stop", Replies.Stopped)]
    public async Task Fixed_answers(string sentence, string intent, string reply)
    {
        var response = await _ai.AskAsync(sentence);

        Assert.Equal(intent, response.Intent);
        Assert.Equal(reply, response.Reply);
    }

    [Fact]
    public async Task Repeat_says_the_last_reply_again()
    {
        Assert.Equal(Replies.NothingToRepeat, (await _ai.AskAsync("say that again", site: "hall")).Reply);
        await _ai.AskAsync("turn on the kitchen light", site: "hall");

        Assert.Equal("Turning on the kitchen light.", (await _ai.AskAsync("say that again", site: "hall")).Reply);
        Assert.Single(_ai.Commander.Sent);
    }

    [Fact]
    public async Task Small_recognition_errors_are_tolerated()
    {
        var response = await _ai.AskAsync("turn of the kitchen light");

        Assert.True(response.Recognized);
        Assert.Equal("TurnOff", response.Intent);
        Assert.InRange(response.Confidence, 0.8, 0.99);
    }

    [Theory]
    [InlineData("bake me a cake")]
    [InlineData("the quick brown fox jumps over the lazy dog")]
    public async Task Nonsense_is_not_understood(string sentence)
    {
        var response = await _ai.AskAsync(sentence);

        Assert.False(response.Recognized);
        Assert.Null(response.Intent);
        Assert.Equal(0, response.Confidence);
        Assert.Equal("Sorry, I didn't understand that.", response.Reply);
        Assert.Empty(response.Commands);
        Assert.Equal("local", response.Source);
    }

    [Fact]
    public async Task Timers_start_report_and_cancel()
    {
        var started = await _ai.AskAsync("set a timer for five minutes");
        ((ManualTime)_ai.Time).Advance(TimeSpan.FromSeconds(50));
        var status = await _ai.AskAsync("how long is left");
        var list = await _ai.AskAsync("what timers are running");
        var cancelled = await _ai.AskAsync("cancel the timer");
        var none = await _ai.AskAsync("how much time is left on the timer");

        Assert.Equal("Timer set for five minutes.", started.Reply);
        Assert.Equal("The five minute timer has four minutes and ten seconds left.", status.Reply);
        Assert.Equal(status.Reply, list.Reply);
        Assert.Equal("Cancelled the five minute timer.", cancelled.Reply);
        Assert.Equal(Replies.NoTimers, none.Reply);
    }
}
