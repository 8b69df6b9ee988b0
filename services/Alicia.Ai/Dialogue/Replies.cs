using System.Globalization;
using Alicia.Contracts.Devices;

namespace Alicia.Ai.Dialogue;

/// <summary>The sentences the assistant says. Short, plain, and honest about what happened.</summary>
public static class Replies
{
    public const string NotUnderstood = "Sorry, I didn't understand that.";
    public const string Weather = "Weather isn't configured yet.";
    public const string Stopped = "Okay.";
    public const string NothingToRepeat = "I haven't said anything yet.";
    public const string NoTimers = "There's no timer running.";
    public const string CannotDoYet = "I understood that, but I can't do it yet.";
    public const string DontKnowWhich = "Sorry, I don't know which device you mean.";

    public const string Help =
        "You can ask me to turn devices on or off, dim lights, set the thermostat, lock doors, " +
        "set, check or cancel timers, and tell you the time or the date.";

    private static readonly CultureInfo English = CultureInfo.InvariantCulture;

    public static string Time(DateTimeOffset localNow) => $"It's {localNow.ToString("h:mm tt", English)}.";

    public static string Date(DateTimeOffset localNow) => $"Today is {localNow.ToString("dddd, MMMM d", English)}.";

    /// <summary>"Turning on the kitchen light and the bedroom light."</summary>
    public static string Doing(DeviceAction action, IReadOnlyList<string> names)
    {
        ArgumentNullException.ThrowIfNull(action);
        var list = Join(names);
        return action.Action switch
        {
            DeviceActions.TurnOn => $"Turning on {list}.",
            DeviceActions.TurnOff => $"Turning off {list}.",
            DeviceActions.Toggle => $"Toggling {list}.",
            DeviceActions.SetBrightness when action.Relative => action.Value > 0 ? $"Making {list} brighter." : $"Dimming {list}.",
            DeviceActions.SetBrightness => $"Setting {list} to {Number(action.Value)} percent.",
            DeviceActions.SetTemperature => $"Setting {list} to {Number(action.Value)} degrees.",
            DeviceActions.Lock => $"Locking {list}.",
            DeviceActions.Unlock => $"Unlocking {list}.",
            DeviceActions.Open => $"Opening {list}.",
            DeviceActions.Close => $"Closing {list}.",
            _ => $"Sending {action.Action.Replace('_', ' ')} to {list}.",
        };
    }

    public static string Already(string name, string state) => Sentence($"the {name} is already {state}.");

    public static string Unreachable(IReadOnlyList<string> names) => $"I couldn't reach {Join(names)}.";

    public static string Refused(string name) => Sentence($"the {name} couldn't do that.");

    /// <summary>The question when a command names no device and the context has none either.</summary>
    public static string WhichDevice(DeviceAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        return action.Action switch
        {
            DeviceActions.SetBrightness => "Which light?",
            DeviceActions.SetTemperature => "Which thermostat?",
            DeviceActions.Lock or DeviceActions.Unlock => "Which lock?",
            DeviceActions.TurnOn => "Which device should I turn on?",
            DeviceActions.TurnOff => "Which device should I turn off?",
            _ => "Which device?",
        };
    }

    public static string WhatToDoWith(IReadOnlyList<string> names) => $"What should I do with {Join(names)}?";

    public static string Temperature(string name, double? current, double? target)
    {
        if (current is null && target is null)
        {
            return Sentence($"I don't know the temperature of the {name} yet.");
        }

        var now = current is null ? "" : $"It's {Number(current)} degrees inside.";
        var set = target is null ? "" : Sentence($"the {name} is set to {Number(target)} degrees.");
        return string.Join(' ', new[] { now, set }.Where(s => s.Length > 0));
    }

    /// <summary>"the a", "the a and the b", "the a, the b and the c".</summary>
    public static string Join(IReadOnlyList<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        var withArticle = names.Select(n => "the " + n).ToList();
        return withArticle.Count switch
        {
            0 => "nothing",
            1 => withArticle[0],
            _ => string.Join(", ", withArticle.Take(withArticle.Count - 1)) + " and " + withArticle[^1],
        };
    }

    public static string Number(double? value) => (value ?? 0).ToString("0.#", English);

    public static string Sentence(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
    }
}
