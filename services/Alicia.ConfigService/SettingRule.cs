using System.Globalization;
using System.Text.Json;

namespace Alicia.ConfigService;

/// <summary>What one setting may hold: its JSON type and its range (for text, its length).</summary>
public sealed record SettingRule(SettingKind Kind, double Min = double.MinValue, double Max = double.MaxValue)
{
    public static SettingRule Text(int minLength, int maxLength) => new(SettingKind.Text, minLength, maxLength);

    public static SettingRule WholeNumber(long min, long max) => new(SettingKind.WholeNumber, min, max);

    public static SettingRule Number(double min, double max) => new(SettingKind.Number, min, max);

    public static SettingRule Flag() => new(SettingKind.Flag);

    public static SettingRule Duration(TimeSpan min, TimeSpan max) => new(SettingKind.Duration, min.TotalSeconds, max.TotalSeconds);

    /// <summary>Why <paramref name="value"/> breaks the rule, or null when it keeps it.</summary>
    public string? Problem(JsonElement value)
    {
        var fits = Kind switch
        {
            SettingKind.Text => value.ValueKind == JsonValueKind.String && value.GetString()!.Length >= Min && value.GetString()!.Length <= Max,
            SettingKind.WholeNumber => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var whole) && whole >= Min && whole <= Max,
            SettingKind.Number => value.ValueKind == JsonValueKind.Number && value.GetDouble() >= Min && value.GetDouble() <= Max,
            SettingKind.Duration => value.ValueKind == JsonValueKind.String
                && TimeSpan.TryParse(value.GetString(), CultureInfo.InvariantCulture, out var span)
                && span.TotalSeconds >= Min && span.TotalSeconds <= Max,
            _ => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        };
        return fits ? null : $"must be {Describe()} (got {value.GetRawText()})";
    }

    public string Describe() => Kind switch
    {
        SettingKind.Text => $"a string of {Format(Min)} to {Format(Max)} characters",
        SettingKind.WholeNumber => $"an integer from {Format(Min)} to {Format(Max)}",
        SettingKind.Number => $"a number from {Format(Min)} to {Format(Max)}",
        SettingKind.Duration => $"a duration from {TimeSpan.FromSeconds(Min):c} to {TimeSpan.FromSeconds(Max):c} (hh:mm:ss)",
        _ => "true or false",
    };

    private static string Format(double value) => value.ToString("G", CultureInfo.InvariantCulture);
}
