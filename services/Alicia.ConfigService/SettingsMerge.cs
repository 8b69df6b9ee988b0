using System.Buffers;
using System.Text.Json;

namespace Alicia.ConfigService;

/// <summary>
/// Applies an update to current settings: objects merge key by key (names case-insensitive, as services bind
/// them), other values replace, and a null removes the key so the service falls back to its own default.
/// </summary>
public static class SettingsMerge
{
    private static readonly JsonElement Empty = JsonElement.Parse("{}");

    public static JsonElement Apply(JsonElement current, JsonElement update)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            WriteMerged(writer, current, update);
        }

        return JsonElement.Parse(buffer.WrittenSpan);
    }

    private static void WriteMerged(Utf8JsonWriter writer, JsonElement current, JsonElement update)
    {
        var updates = update.EnumerateObject().ToList();
        var used = new bool[updates.Count];
        writer.WriteStartObject();
        foreach (var existing in current.EnumerateObject())
        {
            var index = updates.FindIndex(u => string.Equals(u.Name, existing.Name, StringComparison.OrdinalIgnoreCase));
            if (index < 0)
            {
                existing.WriteTo(writer);
                continue;
            }

            used[index] = true;
            Write(writer, existing.Name, existing.Value, updates[index].Value);
        }

        for (var i = 0; i < updates.Count; i++)
        {
            if (!used[i])
            {
                Write(writer, updates[i].Name, Empty, updates[i].Value);
            }
        }

        writer.WriteEndObject();
    }

    private static void Write(Utf8JsonWriter writer, string name, JsonElement current, JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Null:
                return;
            case JsonValueKind.Object:
                writer.WritePropertyName(name);
                WriteMerged(writer, current.ValueKind == JsonValueKind.Object ? current : Empty, value);
                return;
            default:
                writer.WritePropertyName(name);
                value.WriteTo(writer);
                return;
        }
    }
}
