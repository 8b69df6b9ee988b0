namespace Alicia.DeviceRegistry.Discovery;

/// <summary>
/// Where a discovery config was published: <c>{prefix}/{component}/[{node_id}/]{object_id}/config</c>.
/// </summary>
public sealed record DiscoveryAddress(string ConfigTopic, string Component, string? NodeId, string ObjectId)
{
    /// <summary>Parses a config topic under <paramref name="prefix"/>; false for anything else (e.g. <c>homeassistant/status</c>).</summary>
    public static bool TryParse(string topic, string prefix, out DiscoveryAddress address)
    {
        address = null!;
        ArgumentNullException.ThrowIfNull(topic);
        ArgumentNullException.ThrowIfNull(prefix);
        if (!topic.StartsWith(prefix + "/", StringComparison.Ordinal) || !topic.EndsWith("/config", StringComparison.Ordinal))
        {
            return false;
        }

        var levels = topic[(prefix.Length + 1)..^"/config".Length].Split('/');
        if (levels.Length is < 2 or > 3 || !levels.All(IsIdLevel) || levels[0].Contains('-', StringComparison.Ordinal))
        {
            return false;
        }

        address = levels.Length == 3
            ? new DiscoveryAddress(topic, levels[0], levels[1], levels[2])
            : new DiscoveryAddress(topic, levels[0], null, levels[1]);
        return true;
    }

    // Home Assistant allows [a-zA-Z0-9_-] in node and object ids.
    private static bool IsIdLevel(string level) => level.Length > 0 && level.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-');
}
