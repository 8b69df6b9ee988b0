using System.Text.Json;

namespace Alicia.Ai.Timers;

/// <summary>
/// The running timers as one small JSON file. Written to a temporary file and renamed, so a crash
/// mid-write leaves the previous list rather than half a file.
/// </summary>
public sealed class TimerStore(string directory)
{
    public string FilePath { get; } = Path.Combine(directory, "timers.json");

    public IReadOnlyList<ScheduledTimer> Load()
    {
        if (!File.Exists(FilePath))
        {
            return [];
        }

        var json = File.ReadAllText(FilePath);
        return JsonSerializer.Deserialize(json, AiJson.Default.ListScheduledTimer) ?? [];
    }

    public void Save(IReadOnlyList<ScheduledTimer> timers)
    {
        Directory.CreateDirectory(directory);
        var temporary = FilePath + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(timers.ToList(), AiJson.Default.ListScheduledTimer));
        File.Move(temporary, FilePath, overwrite: true);
    }
}
