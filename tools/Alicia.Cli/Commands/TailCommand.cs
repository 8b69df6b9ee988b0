using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Alicia.Cli.Commands;

/// <summary><c>tail [FILTER]</c>: the bus as it happens, one readable line per message.</summary>
public sealed class TailCommand : ICliCommand
{
    private const int PayloadWidth = 160;

    public string Name => "tail";

    public string Help => """
        tail [FILTER] [--raw] [--no-color] [--count N]
            watch messages (default filter alicia/#): time, topic, source, type, priority and payload
        """;

    public async Task<int> RunAsync(CliContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Arguments.Allow("--count", "--host", "--port", "--secrets", "--connect-timeout");
        var filter = context.Arguments.Positionals.FirstOrDefault() ?? "alicia/#";
        var raw = context.Arguments.Has("--raw");
        var color = !context.Arguments.Has("--no-color") && !Console.IsOutputRedirected && !raw;
        var limit = (int)context.Arguments.Number("--count", int.MaxValue);
        var seen = 0;
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var output = TextWriter.Synchronized(context.Out);

        await using var bus = await CliBus.ConnectAsync(context, b => b.OnBinary(filter, (topic, payload) =>
        {
            output.WriteLine(raw ? $"{topic} {Text(payload)}" : Describe(topic, payload, color));
            if (Interlocked.Increment(ref seen) >= limit)
            {
                done.TrySetResult();
            }
        }), cancellationToken);
        await done.Task.WaitAsync(cancellationToken);
        return 0;
    }

    internal static string Describe(string topic, ReadOnlySequence<byte> payload, bool color)
    {
        string Paint(string text, string code) => color ? $"\u001b[{code}m{text}\u001b[0m" : text;
        try
        {
            using var document = JsonDocument.Parse(payload);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("payload", out var body) && root.TryGetProperty("source", out var source))
            {
                var time = root.TryGetProperty("timestamp", out var stamp) && stamp.TryGetDouble(out var seconds)
                    ? DateTimeOffset.FromUnixTimeMilliseconds((long)(seconds * 1000)).ToLocalTime().ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture)
                    : "--:--:--.---";
                var kind = root.TryGetProperty("message_type", out var type) ? type.GetString() : "?";
                var priority = root.TryGetProperty("priority", out var p) ? p.GetString() : "?";
                var session = root.TryGetProperty("session_id", out var s) && s.ValueKind == JsonValueKind.String ? $" session={s.GetString()![..Math.Min(8, s.GetString()!.Length)]}" : "";
                return $"{Paint(time, "2")} {Paint(topic, "36")} {Paint(source.ToString(), "33")} {kind}/{priority}{session} {Shorten(body.GetRawText())}";
            }
        }
        catch (JsonException)
        {
            // Not JSON: binary audio, or a device's own plain payload.
        }

        return $"{Paint(DateTime.Now.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture), "2")} {Paint(topic, "36")} {Text(payload)}";
    }

    private static string Text(ReadOnlySequence<byte> payload)
    {
        var bytes = payload.ToArray();
        var text = Encoding.UTF8.GetString(bytes);
        return text.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')) ? $"<{bytes.Length} bytes binary>" : Shorten(text);
    }

    private static string Shorten(string text)
    {
        var line = text.ReplaceLineEndings(" ");
        return line.Length <= PayloadWidth ? line : line[..PayloadWidth] + "…";
    }
}
