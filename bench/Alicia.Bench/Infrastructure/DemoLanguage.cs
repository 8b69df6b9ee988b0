using Alicia.Intents;
using Alicia.Testing;

namespace Alicia.Bench.Infrastructure;

/// <summary>
/// The shipped templates (config/intents) compiled with a small demo home: kitchen light, bedroom
/// light, living room lamp, thermostat, front door. Slot lists the templates name but the home does
/// not fill stay empty.
/// </summary>
public static class DemoLanguage
{
    private static readonly Dictionary<string, SlotValue[]> Home = new(StringComparer.Ordinal)
    {
        ["device"] = [new("kitchen light", "kitchen_light"), new("bedroom light", "bedroom_light"), new("living room lamp", "living_room_lamp")],
        ["light"] = [new("kitchen light", "kitchen_light"), new("bedroom light", "bedroom_light"), new("living room lamp", "living_room_lamp")],
        ["thermostat"] = [new("thermostat", "thermostat")],
        ["lock"] = [new("front door", "front_door")],
    };

    /// <summary>Commands a person says to the assistant (and what the speech measurements speak).</summary>
    public static IReadOnlyList<string> Commands { get; } =
    [
        "turn on the kitchen light",
        "turn off the bedroom light",
        "set a timer for ten minutes",
        "what time is it",
        "lock the front door",
        "what's the weather like",
        "set the thermostat to twenty degrees",
        "turn on the living room lamp",
    ];

    public static IntentRecognizer Compile()
    {
        var templates = IntentTemplates.Load(Repository.File("config", "intents"));
        var lists = templates.SlotListNames.ToDictionary(
            name => name,
            name => (IReadOnlyList<SlotValue>)(Home.TryGetValue(name, out var values) ? values : []),
            StringComparer.Ordinal);
        return IntentRecognizer.Compile(templates, lists);
    }
}
