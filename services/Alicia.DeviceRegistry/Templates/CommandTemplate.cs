using System.Globalization;
using System.Text;

namespace Alicia.DeviceRegistry.Templates;

/// <summary>
/// Fills a Home Assistant command template (<c>cmd_tpl</c>, <c>bri_cmd_tpl</c>, <c>temp_cmd_tpl</c>,
/// <c>set_pos_tpl</c>) with a number: every <c>{{ value }}</c> (or <c>{{ position }}</c>,
/// <c>{{ brightness }}</c>), optionally with <c>| int</c>, <c>| float</c> or <c>| round(n)</c>, is replaced;
/// the text around it is kept, so <c>{"position": {{ position }}}</c> works.
/// </summary>
public static class CommandTemplate
{
    private static readonly string[] Variables = ["value", "position", "brightness", "temperature"];

    /// <summary>The rendered payload, or null when the template uses anything beyond that.</summary>
    public static string? Render(string? template, double value) => Render(template, FormatNumber(value));

    /// <summary>The same for a text value (a climate mode).</summary>
    public static string? Render(string? template, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (string.IsNullOrWhiteSpace(template))
        {
            return value;
        }

        if (template.Contains("{%", StringComparison.Ordinal))
        {
            return null;
        }

        var output = new StringBuilder(template.Length + 8);
        var at = 0;
        while (true)
        {
            var open = template.IndexOf("{{", at, StringComparison.Ordinal);
            if (open < 0)
            {
                output.Append(template, at, template.Length - at);
                return output.ToString();
            }

            var close = template.IndexOf("}}", open + 2, StringComparison.Ordinal);
            if (close < 0)
            {
                return null;
            }

            var expression = TemplateExpression.Parse(template[(open + 2)..close]);
            if (expression is null || expression.Path.Count > 0 || !Variables.Contains(expression.Root, StringComparer.Ordinal)
                || expression.ApplyFilters(value) is not { } rendered)
            {
                return null;
            }

            output.Append(template, at, open - at).Append(rendered);
            at = close + 2;
        }
    }

    /// <summary>Whole numbers without a decimal point ("21", "128"), others with up to two decimals ("21.5").</summary>
    public static string FormatNumber(double value) =>
        value == Math.Truncate(value)
            ? ((long)value).ToString(CultureInfo.InvariantCulture)
            : Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);
}
