using System.Globalization;
using System.Text.Json;

namespace Alicia.DeviceRegistry.Templates;

/// <summary>
/// The one Jinja expression form device configs use in practice: a variable (<c>value</c>,
/// <c>value_json</c>, <c>position</c>...), attribute or index accessors (<c>.state</c>, <c>['POWER']</c>,
/// <c>[0]</c>) and a few filters (int, float, round, lower, upper, trim, string, default, is_defined).
/// Anything else (statements, arithmetic, conditionals) does not parse, and callers fall back or refuse.
/// </summary>
internal sealed class TemplateExpression
{
    private static readonly string[] KnownFilters = ["int", "float", "round", "lower", "upper", "trim", "string", "default", "d", "is_defined"];

    private TemplateExpression(string root, IReadOnlyList<object> path, IReadOnlyList<TemplateFilter> filters)
    {
        Root = root;
        Path = path;
        Filters = filters;
    }

    public string Root { get; }

    /// <summary>Object keys (string) and array indexes (int), in order.</summary>
    public IReadOnlyList<object> Path { get; }

    public IReadOnlyList<TemplateFilter> Filters { get; }

    /// <summary>Parses the text between <c>{{</c> and <c>}}</c>; null when it is not the supported form.</summary>
    public static TemplateExpression? Parse(string expression)
    {
        var cursor = new TemplateCursor(expression);
        cursor.SkipSpaces();
        var root = cursor.ReadIdentifier();
        if (root is null)
        {
            return null;
        }

        var path = new List<object>();
        while (true)
        {
            if (cursor.TryRead('.'))
            {
                if (cursor.ReadIdentifier() is not { } name)
                {
                    return null;
                }

                path.Add(name);
            }
            else if (cursor.TryRead('['))
            {
                cursor.SkipSpaces();
                object? key = cursor.ReadQuoted() is { } quoted ? quoted
                    : cursor.ReadNumber() is { } number && int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var index) ? index
                    : null;
                cursor.SkipSpaces();
                if (key is null || !cursor.TryRead(']'))
                {
                    return null;
                }

                path.Add(key);
            }
            else
            {
                break;
            }
        }

        var filters = new List<TemplateFilter>();
        cursor.SkipSpaces();
        while (cursor.TryRead('|'))
        {
            cursor.SkipSpaces();
            if (ReadFilter(cursor) is not { } filter)
            {
                return null;
            }

            filters.Add(filter);
            cursor.SkipSpaces();
        }

        return cursor.AtEnd ? new TemplateExpression(root, path, filters) : null;
    }

    /// <summary>Applies the filters to a rendered value (null = undefined). Returns null when the result is undefined or a filter fails.</summary>
    public string? ApplyFilters(string? value)
    {
        foreach (var filter in Filters)
        {
            value = filter.Name switch
            {
                "default" or "d" => value ?? (filter.Arguments.Count > 0 ? filter.Arguments[0] : ""),
                "is_defined" => value,
                _ when value is null => null,
                "int" => Number(value, filter) is { } i ? Math.Truncate(i).ToString(CultureInfo.InvariantCulture) : null,
                "float" => Number(value, filter)?.ToString(CultureInfo.InvariantCulture),
                "round" => Number(value, null) is { } r
                    ? Math.Round(r, Digits(filter), MidpointRounding.AwayFromZero).ToString(CultureInfo.InvariantCulture)
                    : null,
                "lower" => value.ToLowerInvariant(),
                "upper" => value.ToUpperInvariant(),
                "trim" => value.Trim(),
                _ => value, // "string"
            };
        }

        return value;
    }

    /// <summary>Follows <see cref="Path"/> into a JSON value; null when a key or index is missing.</summary>
    public JsonElement? Select(JsonElement root)
    {
        var current = root;
        foreach (var step in Path)
        {
            switch (step)
            {
                case string key when current.ValueKind == JsonValueKind.Object && current.TryGetProperty(key, out var child):
                    current = child;
                    break;
                case int index when current.ValueKind == JsonValueKind.Array && index < current.GetArrayLength():
                    current = current[index];
                    break;
                default:
                    return null;
            }
        }

        return current;
    }

    /// <summary>A JSON value as Jinja prints it: strings bare, true/false as True/False, null as None.</summary>
    public static string Print(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString() ?? "",
        JsonValueKind.True => "True",
        JsonValueKind.False => "False",
        JsonValueKind.Null => "None",
        _ => value.GetRawText(),
    };

    private static TemplateFilter? ReadFilter(TemplateCursor cursor)
    {
        if (cursor.ReadIdentifier() is not { } name || !KnownFilters.Contains(name, StringComparer.Ordinal))
        {
            return null;
        }

        var arguments = new List<string>();
        cursor.SkipSpaces();
        if (cursor.TryRead('('))
        {
            cursor.SkipSpaces();
            while (!cursor.TryRead(')'))
            {
                var argument = cursor.ReadQuoted() ?? cursor.ReadNumber();
                if (argument is null)
                {
                    return null;
                }

                arguments.Add(argument);
                cursor.SkipSpaces();
                if (cursor.TryRead(','))
                {
                    cursor.SkipSpaces();
                }
                else if (!cursor.Peek(')'))
                {
                    return null;
                }
            }
        }

        return new TemplateFilter(name, arguments);
    }

    private static double? Number(string value, TemplateFilter? filter)
    {
        if (double.TryParse(value.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        // Jinja's int/float take a fallback: int(0).
        return filter?.Arguments.Count > 0 && double.TryParse(filter.Arguments[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var fallback)
            ? fallback
            : null;
    }

    private static int Digits(TemplateFilter filter) =>
        filter.Arguments.Count > 0 && int.TryParse(filter.Arguments[0], NumberStyles.None, CultureInfo.InvariantCulture, out var digits)
            ? Math.Min(digits, 10)
            : 0;
}
