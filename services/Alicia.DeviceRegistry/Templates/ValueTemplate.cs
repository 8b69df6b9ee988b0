using System.Collections.Concurrent;
using System.Text.Json;

namespace Alicia.DeviceRegistry.Templates;

/// <summary>
/// Extracts a value from a state payload the way a Home Assistant <c>value_template</c> would, for the
/// simple forms bridges publish: <c>{{ value }}</c>, <c>{{ value_json.POWER }}</c>,
/// <c>{{ value_json['RSSI'] }}</c>, <c>{{ value_json.state.l1 }}</c>, with filters like <c>| int</c>.
/// </summary>
public static class ValueTemplate
{
    private const int CacheLimit = 1024;
    private static readonly ConcurrentDictionary<string, TemplateExpression?> Cache = new(StringComparer.Ordinal);

    /// <summary>Whether <paramref name="template"/> is absent or one of the forms <see cref="TryRender"/> understands.</summary>
    public static bool IsSupported(string? template) => string.IsNullOrWhiteSpace(template) || Expression(template) is not null;

    /// <summary>
    /// Renders <paramref name="template"/> over <paramref name="payload"/>. False when the template is not
    /// supported, the payload is not the JSON it expects, or the value is missing (no state is better than a wrong one).
    /// </summary>
    public static bool TryRender(string? template, string payload, out string value)
    {
        value = payload;
        if (string.IsNullOrWhiteSpace(template))
        {
            return true;
        }

        if (Expression(template) is not { } expression)
        {
            return false;
        }

        string? rendered;
        switch (expression.Root)
        {
            case "value" when expression.Path.Count == 0:
                rendered = payload;
                break;
            case "value_json":
                rendered = SelectFromJson(expression, payload);
                break;
            default:
                return false;
        }

        rendered = expression.ApplyFilters(rendered);
        if (rendered is null)
        {
            return false;
        }

        value = rendered;
        return true;
    }

    private static string? SelectFromJson(TemplateExpression expression, string payload)
    {
        try
        {
            using var document = JsonDocument.Parse(payload, new JsonDocumentOptions { MaxDepth = 32 });
            return expression.Select(document.RootElement) is { } selected ? TemplateExpression.Print(selected) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static TemplateExpression? Expression(string template)
    {
        if (Cache.TryGetValue(template, out var cached))
        {
            return cached;
        }

        var parsed = ParseWhole(template);
        if (Cache.Count < CacheLimit)
        {
            Cache.TryAdd(template, parsed);
        }

        return parsed;
    }

    private static TemplateExpression? ParseWhole(string template)
    {
        var text = template.Trim();
        if (!text.StartsWith("{{", StringComparison.Ordinal) || !text.EndsWith("}}", StringComparison.Ordinal) || text.Length < 4)
        {
            return null;
        }

        var inner = text[2..^2];
        return inner.Contains("{{", StringComparison.Ordinal) || inner.Contains("}}", StringComparison.Ordinal)
            ? null
            : TemplateExpression.Parse(inner);
    }
}
