using System.Text.Json;

namespace Alicia.ConfigService;

/// <summary>
/// The settings one service accepts live, by configuration path (<c>"Vad:SilenceEndMs"</c> is <c>{"Vad": {"SilenceEndMs": …}}</c>).
/// Names match case-insensitively, as the services bind them with Microsoft.Extensions.Configuration.
/// A service without a schema (<see cref="Open"/>) takes any JSON object.
/// </summary>
public sealed class ConfigSchema
{
    public static readonly ConfigSchema Open = new(null);

    private readonly Dictionary<string, SettingRule>? _rules;

    public ConfigSchema(IReadOnlyDictionary<string, SettingRule>? rules)
    {
        _rules = rules is null ? null : new Dictionary<string, SettingRule>(rules, StringComparer.OrdinalIgnoreCase);
    }

    public IEnumerable<string> Settings => _rules is null ? [] : _rules.Keys.Order(StringComparer.Ordinal);

    /// <summary>
    /// Every problem with <paramref name="settings"/>, one line each; none means valid. With
    /// <paramref name="allowRemovals"/> a null value (an update removing that setting) is accepted for a known setting.
    /// </summary>
    public IReadOnlyList<string> Problems(JsonElement settings, bool allowRemovals)
    {
        var problems = new List<string>();
        if (settings.ValueKind != JsonValueKind.Object)
        {
            problems.Add($"settings must be a JSON object (got {settings.ValueKind.ToString().ToLowerInvariant()})");
            return problems;
        }

        Check(settings, "", allowRemovals, problems);
        return problems;
    }

    private void Check(JsonElement obj, string prefix, bool allowRemovals, List<string> problems)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in obj.EnumerateObject())
        {
            var path = prefix + property.Name;
            if (!seen.Add(property.Name))
            {
                problems.Add($"{path} is given twice");
                continue;
            }

            if (_rules is null)
            {
                if (property.Value.ValueKind == JsonValueKind.Object)
                {
                    Check(property.Value, path + ":", allowRemovals, problems); // still no duplicates below
                }

                continue;
            }

            if (_rules.TryGetValue(path, out var rule))
            {
                if (property.Value.ValueKind == JsonValueKind.Null && allowRemovals)
                {
                    continue;
                }

                if (rule.Problem(property.Value) is { } problem)
                {
                    problems.Add($"{path} {problem}");
                }
            }
            else if (property.Value.ValueKind == JsonValueKind.Object && _rules.Keys.Any(k => k.StartsWith(path + ":", StringComparison.OrdinalIgnoreCase)))
            {
                Check(property.Value, path + ":", allowRemovals, problems);
            }
            else
            {
                problems.Add($"{path} is not a setting it takes (known: {string.Join(", ", Settings)})");
            }
        }
    }
}
