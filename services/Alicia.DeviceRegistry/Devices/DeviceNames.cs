using System.Text;
using Alicia.Bus;

namespace Alicia.DeviceRegistry.Devices;

/// <summary>
/// The rules for device ids (they become MQTT topic levels: alicia/devices/state/{id}) and for the names
/// people say. Validation failures are <see cref="CommandRejectedException"/>s whose message says what to fix.
/// </summary>
public static class DeviceNames
{
    public const int MaxIdLength = 64;
    public const int MaxNameLength = 64;
    public const int MaxAliases = 16;

    public static bool IsValidId(string? id) =>
        !string.IsNullOrEmpty(id) && id.Length <= MaxIdLength && IsIdStart(id[0]) && id.All(IsIdChar);

    public static void ValidateId(string? id)
    {
        if (!IsValidId(id))
        {
            throw new CommandRejectedException(
                $"device id '{id}' is invalid: use 1-{MaxIdLength} lower-case letters, digits, '_' or '-', starting with a letter or digit");
        }
    }

    /// <summary>Checks a name or alias; <paramref name="what"/> says which ("name", "alias") in the message.</summary>
    public static void ValidateName(string? name, string what)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new CommandRejectedException($"device {what} must not be empty");
        }

        if (name.Trim().Length > MaxNameLength)
        {
            throw new CommandRejectedException($"device {what} '{name}' is too long: at most {MaxNameLength} characters");
        }

        var bad = name.FirstOrDefault(c => !IsNameChar(c));
        if (bad != default)
        {
            throw new CommandRejectedException(
                $"device {what} '{name}' contains '{bad}': use letters, digits, spaces and - _ ' . &");
        }

        if (!name.Any(char.IsLetterOrDigit))
        {
            throw new CommandRejectedException($"device {what} '{name}' needs at least one letter or digit");
        }
    }

    /// <summary>Turns whatever a bridge calls a device into a valid name (or null when nothing usable is left).</summary>
    public static string? Sanitize(string? name)
    {
        if (name is null)
        {
            return null;
        }

        var cleaned = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            cleaned.Append(IsNameChar(c) && c != '_' ? c : ' ');
        }

        var collapsed = Collapse(cleaned.ToString());
        if (collapsed.Length > MaxNameLength)
        {
            collapsed = collapsed[..MaxNameLength].TrimEnd();
        }

        return collapsed.Any(char.IsLetterOrDigit) ? collapsed : null;
    }

    /// <summary>The form people say and the AI matches: lower-case, underscores as spaces, single spaces.</summary>
    public static string Spoken(string name) => Collapse(name.Replace('_', ' ').ToLowerInvariant());

    public static IReadOnlyList<string> Spoken(string name, IEnumerable<string> aliases) =>
        [.. new[] { name }.Concat(aliases).Select(Spoken).Distinct(StringComparer.Ordinal)];

    /// <summary>A valid id made from any text ("Living Room Lamp" -> "living_room_lamp"), or null when nothing is left.</summary>
    public static string? Slug(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var slug = new StringBuilder(text.Length);
        foreach (var c in text.ToLowerInvariant())
        {
            if (c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-')
            {
                slug.Append(c);
            }
            else if (slug.Length > 0 && slug[^1] != '_')
            {
                slug.Append('_');
            }
        }

        var id = slug.ToString().Trim('_', '-');
        if (id.Length > MaxIdLength)
        {
            id = id[..MaxIdLength].TrimEnd('_', '-');
        }

        return IsValidId(id) ? id : null;
    }

    private static string Collapse(string text) =>
        string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private static bool IsIdStart(char c) => c is (>= 'a' and <= 'z') or (>= '0' and <= '9');

    private static bool IsIdChar(char c) => IsIdStart(c) || c is '_' or '-';

    // No '/', '+', '#' or quotes: names end up in topics, grammars and log lines.
    private static bool IsNameChar(char c) => char.IsLetterOrDigit(c) || c is ' ' or '-' or '_' or '\'' or '.' or '&';
}
