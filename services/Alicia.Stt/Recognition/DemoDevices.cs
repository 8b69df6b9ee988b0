using Alicia.Intents;

namespace Alicia.Stt.Recognition;

/// <summary>
/// The devices of the built-in demo home, as slot lists for the default intents. They stand in for the
/// real device list until the AI service publishes a grammar built from the device registry.
/// </summary>
public static class DemoDevices
{
    public static IReadOnlyDictionary<string, IReadOnlyList<SlotValue>> SlotLists { get; } = new Dictionary<string, IReadOnlyList<SlotValue>>
    {
        ["device"] =
        [
            new SlotValue("kitchen light", "kitchen_light"),
            new SlotValue("bedroom light", "bedroom_light"),
            new SlotValue("living room lamp", "living_room_lamp"),
        ],
        ["light"] = [new SlotValue("living room lamp", "living_room_lamp")],
        ["thermostat"] = [new SlotValue("thermostat", "thermostat")],
        ["lock"] = [new SlotValue("front door", "front_door")],
    };

    /// <summary>Compiles the templates with the demo devices; a slot list the templates use but the demo lacks is left empty.</summary>
    public static IntentRecognizer Compile(IntentTemplates templates)
    {
        ArgumentNullException.ThrowIfNull(templates);
        var lists = templates.SlotListNames.ToDictionary(
            name => name,
            name => SlotLists.TryGetValue(name, out var values) ? values : [],
            StringComparer.Ordinal);
        return IntentRecognizer.Compile(templates, lists);
    }
}
