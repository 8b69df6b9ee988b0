using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;

namespace Alicia.DeviceRegistry.Discovery;

/// <summary>
/// One discovery config with its keys expanded to Home Assistant's full option names and the base topic
/// <c>~</c> substituted into every <c>*_topic</c> option (at the start or the end of the value, as Home
/// Assistant does). Values are read leniently: bridges send numbers as strings and payloads as booleans.
/// </summary>
public sealed class DiscoveryConfig
{
    private const string BaseTopicKey = "~";
    private readonly Dictionary<string, JsonElement> _values = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _topics = new(StringComparer.Ordinal);

    private DiscoveryConfig()
    {
    }

    /// <summary>Expands a config object. <paramref name="inherited"/> supplies shared options (device-based discovery).</summary>
    public static DiscoveryConfig From(JsonElement config, IReadOnlyDictionary<string, JsonElement>? inherited = null) =>
        From(config, DiscoveryAbbreviations.Options, inherited);

    public bool Has(string key) => _values.ContainsKey(key);

    /// <summary>True when the key is present with an explicit JSON null (<c>"name": null</c> means "use the device's name").</summary>
    public bool IsNull(string key) => _values.TryGetValue(key, out var value) && value.ValueKind == JsonValueKind.Null;

    public IEnumerable<string> Keys => _values.Keys;

    public IReadOnlyDictionary<string, JsonElement> Values => _values;

    /// <summary>A string option; numbers keep their text and booleans print as True/False (how a template renders them).</summary>
    public string? Text(string key)
    {
        if (_topics.TryGetValue(key, out var topic))
        {
            return topic;
        }

        return _values.TryGetValue(key, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                JsonValueKind.True => "True",
                JsonValueKind.False => "False",
                _ => null,
            }
            : null;
    }

    public double? Number(string key) =>
        _values.TryGetValue(key, out var value) ? value.ValueKind switch
        {
            JsonValueKind.Number => value.GetDouble(),
            JsonValueKind.String when double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
            _ => null,
        } : null;

    public bool? Flag(string key) =>
        _values.TryGetValue(key, out var value) ? value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.String when bool.TryParse(value.GetString(), out var parsed) => parsed,
            _ => null,
        } : null;

    /// <summary>A list of strings; a single string counts as a list of one.</summary>
    public IReadOnlyList<string>? TextList(string key)
    {
        if (!_values.TryGetValue(key, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.Array => [.. value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!)],
            JsonValueKind.String => [value.GetString()!],
            _ => null,
        };
    }

    /// <summary>The <c>device</c> block with its own abbreviations expanded (or null).</summary>
    public DiscoveryConfig? Device => Nested("device", DiscoveryAbbreviations.Device);

    public DiscoveryConfig? Origin => Nested("origin", DiscoveryAbbreviations.Origin);

    private DiscoveryConfig? Nested(string key, FrozenDictionary<string, string> abbreviations) =>
        _values.TryGetValue(key, out var value) && value.ValueKind == JsonValueKind.Object ? From(value, abbreviations, null) : null;

    private static DiscoveryConfig From(JsonElement config, FrozenDictionary<string, string> abbreviations, IReadOnlyDictionary<string, JsonElement>? inherited)
    {
        var expanded = new DiscoveryConfig();
        if (inherited is not null)
        {
            foreach (var (key, value) in inherited)
            {
                expanded._values[key] = value;
            }
        }

        foreach (var property in config.EnumerateObject())
        {
            var key = abbreviations.TryGetValue(property.Name, out var full) ? full : property.Name;
            expanded._values[key] = property.Value;
        }

        expanded.SubstituteBaseTopic();
        return expanded;
    }

    private void SubstituteBaseTopic()
    {
        if (!_values.TryGetValue(BaseTopicKey, out var baseValue) || baseValue.ValueKind != JsonValueKind.String)
        {
            return;
        }

        var baseTopic = baseValue.GetString() ?? "";
        foreach (var (key, value) in _values)
        {
            if (!key.EndsWith("topic", StringComparison.Ordinal) || value.ValueKind != JsonValueKind.String || value.GetString() is not { Length: > 0 } text)
            {
                continue;
            }

            if (text[0] == '~')
            {
                _topics[key] = baseTopic + text[1..];
            }
            else if (text[^1] == '~')
            {
                _topics[key] = text[..^1] + baseTopic;
            }
        }
    }
}
