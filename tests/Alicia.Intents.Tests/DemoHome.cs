namespace Alicia.Intents.Tests;

/// <summary>The shipped templates with the demo devices: kitchen light, bedroom light, living room lamp (dimmable), thermostat, front door (lock).</summary>
internal static class DemoHome
{
    private static readonly Lazy<IntentTemplates> LazyTemplates = new(() => IntentTemplates.Load(FindIntentsDirectory()));
    private static readonly Lazy<IntentRecognizer> LazyRecognizer = new(() => Compile(SlotLists()));

    public static string IntentsDirectory => FindIntentsDirectory();

    public static IntentTemplates Templates => LazyTemplates.Value;

    public static IntentRecognizer Recognizer => LazyRecognizer.Value;

    public static Dictionary<string, IReadOnlyList<SlotValue>> SlotLists() => new()
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

    public static IntentRecognizer Compile(Dictionary<string, IReadOnlyList<SlotValue>> slotLists) =>
        IntentRecognizer.Compile(Templates, slotLists);

    private static string FindIntentsDirectory()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "config", "intents");
            if (Directory.Exists(candidate) && File.Exists(Path.Combine(directory.FullName, "Alicia.sln")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("config/intents not found above " + AppContext.BaseDirectory);
    }
}
