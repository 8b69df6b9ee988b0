using System.Text.Json;
using Alicia.Testing;

namespace Alicia.Bench.Tests;

/// <summary>
/// The benchmark command itself, at smoke size, so it cannot rot: it must finish and report every
/// figure. The numbers are not judged here (they come from ./alicia bench on a quiet machine).
/// </summary>
public sealed class BenchSmokeTests
{
    private static readonly string[] ExpectedFigures =
    [
        "bus.qos0", "bus.qos0.cpu", "bus.qos1", "bus.qos1.cpu", "bus.fanout10", "bus.priority", "bus.priority.fifo",
        "dispatch.inbox", "dispatch.busclient",
        "rpc.query.sequential", "rpc.query.inflight32", "rpc.query.inflight32.rate",
        "stt.rtf", "stt.decode", "tts.rtf",
        "nlu.exact", "nlu.fuzzy", "nlu.rejected",
        "pipeline.vad_close", "pipeline.last_word",
        "pipeline.stage.vad_end", "pipeline.stage.stt", "pipeline.stage.ai", "pipeline.stage.command", "pipeline.stage.tts", "pipeline.stage.tts_audio", "pipeline.stage.total",
        "memory.threads.idle", "memory.threads.load", "memory.processes.idle", "memory.processes.load",
        .. Alicia.Suite.SuiteServices.All.Select(s => $"memory.process.{s.Name}"),
    ];

    [Fact]
    public async Task Smoke_run_of_everything_reports_every_figure_as_json()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "alicia-bench.dll");
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));

        var run = await Shell.RunAsync("dotnet", [dll, "all", "--smoke", "--json"], timeout.Token);

        Assert.True(run.ExitCode == 0, $"exit {run.ExitCode}\n{run.StandardError}");
        using var report = JsonDocument.Parse(run.StandardOutput);
        var root = report.RootElement;
        Assert.True(root.GetProperty("smoke").GetBoolean());
        Assert.StartsWith("./alicia bench all --smoke --json", root.GetProperty("command").GetString(), StringComparison.Ordinal);
        Assert.Empty(root.GetProperty("errors").EnumerateArray());
        Assert.False(string.IsNullOrWhiteSpace(root.GetProperty("machine").GetProperty("cpu").GetString()));

        var figures = root.GetProperty("figures").EnumerateArray().ToDictionary(f => f.GetProperty("id").GetString()!);
        Assert.Equal(ExpectedFigures.Order(StringComparer.Ordinal), figures.Keys.Order(StringComparer.Ordinal));
        foreach (var (id, figure) in figures)
        {
            var median = figure.GetProperty("median");
            Assert.True(median.ValueKind == JsonValueKind.Number && median.GetDouble() >= 0, $"{id} has no median: {median}");
            if (figure.GetProperty("baseline_median").ValueKind == JsonValueKind.Number)
            {
                Assert.Equal(JsonValueKind.Number, figure.GetProperty("ratio").ValueKind);
            }
        }
    }
}
