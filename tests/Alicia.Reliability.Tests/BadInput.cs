using System.Globalization;
using System.Text;

namespace Alicia.Reliability.Tests;

/// <summary>Generated malformed messages of every kind a bus must survive, each with the reason it must be refused for.</summary>
internal static class BadInput
{
    public static IEnumerable<byte[]> Generate(int count, int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            yield return (i % 11) switch
            {
                0 => RandomBytes(random),
                1 => Encoding.UTF8.GetBytes(Good($"t{i}")[..random.Next(1, Good("x").Length - 1)]),
                2 => Utf8(Good($"w{i}").Replace("\"ttl\":300", "\"ttl\":\"300\"", StringComparison.Ordinal)),
                3 => Utf8(Good($"m{i}").Replace("\"source\":\"cli\",", "", StringComparison.Ordinal)),
                4 => Utf8(Good($"h{i}").Replace("\"payload\":{}", "\"payload\":{\"text\":\"" + new string('x', 200_000) + "\"", StringComparison.Ordinal).Replace("\"message_id\":\"h", "\"message_id\":" + new string('9', 300) + ",\"x\":\"", StringComparison.Ordinal)),
                5 => Utf8(Good($"d{i}").Replace("\"payload\":{}", "\"payload\":" + new string('[', 500) + new string(']', 500), StringComparison.Ordinal)),
                6 => Utf8(Good($"e{i}", timestamp: DateTimeOffset.UtcNow.AddHours(-1))),
                7 => Utf8(Good($"l{i}").Replace("\"hops\":0", "\"hops\":99", StringComparison.Ordinal)),
                8 => Utf8(Good($"u{i}").Replace("\"message_type\":\"event\"", "\"message_type\":\"gossip\"", StringComparison.Ordinal)),
                9 => Utf8("{\"message_id\":null}"),
                _ => Utf8(Good($"p{i}").Replace("\"payload\":{}", "\"payload\":{\"text\":42}", StringComparison.Ordinal)),
            };
        }
    }

    /// <summary>A valid envelope whose payload is a SessionStart with the given text.</summary>
    public static string Good(string id, string text = "ok", DateTimeOffset? timestamp = null) =>
        "{\"message_id\":\"" + id + "\",\"timestamp\":" +
        (timestamp ?? DateTimeOffset.UtcNow).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture) + "e-3," +
        "\"source\":\"cli\",\"destination\":\"broadcast\",\"message_type\":\"event\",\"priority\":\"normal\",\"ttl\":300," +
        "\"correlation_id\":null,\"session_id\":null,\"site_id\":null,\"payload\":{},\"routing\":{\"hops\":0,\"max_hops\":10}}"
            .Replace("\"payload\":{}", text == "ok" ? "\"payload\":{}" : "\"payload\":{\"text\":\"" + text + "\"}", StringComparison.Ordinal);

    private static byte[] RandomBytes(Random random)
    {
        var bytes = new byte[random.Next(1, 2048)];
        random.NextBytes(bytes);
        return bytes;
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
