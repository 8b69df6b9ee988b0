namespace Alicia.Bench;

/// <summary>
/// <c>./alicia bench [bus|rpc|pipeline|stt|nlu|memory|all]... [--json] [--markdown] [--smoke]</c>.
/// </summary>
public sealed record BenchArguments(IReadOnlySet<string> Groups, bool Json, bool Markdown, bool Smoke, string? Only = null, string? From = null)
{
    public static readonly IReadOnlyList<string> AllGroups = ["bus", "rpc", "pipeline", "stt", "nlu", "memory"];

    public const string Usage =
        "usage: ./alicia bench [bus|rpc|pipeline|stt|nlu|memory|all]... [--json] [--markdown] [--smoke]\n" +
        "  bus       throughput vs mosquitto_pub/sub at QoS 0 and 1, fan-out to 10, priority behind a backlog, in-process dispatch\n" +
        "  rpc       query round trip, sequential and 32 in flight, vs a raw MQTT request/response\n" +
        "  pipeline  voice pipeline latency per stage, satellite audio to reply audio\n" +
        "  stt       speech recognition real-time factor (and espeak-ng synthesis)\n" +
        "  nlu       intent recognition time per sentence\n" +
        "  memory    resident memory of the suite, threads and processes mode, idle and under load\n" +
        "  --json    the report as JSON on stdout (progress stays on stderr)\n" +
        "  --markdown the table as Markdown (for docs/benchmarks.md)\n" +
        "  --smoke   tiny sizes: every figure, meaningless numbers (the test suite runs this)\n" +
        "  --only TEXT  only the measurements whose name contains TEXT (e.g. --only dispatch)\n" +
        "  --from FILE  print a report saved with --json again (as a table, --markdown or --json) without measuring";

    /// <summary>Parses the arguments; null with <paramref name="error"/> set when they make no sense.</summary>
    public static BenchArguments? Parse(IReadOnlyList<string> args, out string? error)
    {
        ArgumentNullException.ThrowIfNull(args);
        error = null;
        var groups = new SortedSet<string>(StringComparer.Ordinal);
        bool json = false, markdown = false, smoke = false;
        string? only = null, from = null;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            switch (arg)
            {
                case "--only" when i + 1 < args.Count:
                    only = args[++i];
                    break;
                case "--from" when i + 1 < args.Count:
                    from = args[++i];
                    break;
                case "--json":
                    json = true;
                    break;
                case "--markdown":
                    markdown = true;
                    break;
                case "--smoke":
                    smoke = true;
                    break;
                case "all":
                    groups.UnionWith(AllGroups);
                    break;
                case var name when AllGroups.Contains(name):
                    groups.Add(name);
                    break;
                default:
                    error = $"unknown argument '{arg}'";
                    return null;
            }
        }

        if (json && markdown)
        {
            error = "--json and --markdown exclude each other";
            return null;
        }

        if (groups.Count == 0)
        {
            groups.UnionWith(AllGroups);
        }

        return new BenchArguments(groups, json, markdown, smoke, only, from);
    }
}
