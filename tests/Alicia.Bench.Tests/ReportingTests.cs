using Alicia.Bench.Reporting;

namespace Alicia.Bench.Tests;

public sealed class ReportingTests
{
    [Fact]
    public void Percentiles_are_nearest_rank()
    {
        var samples = new Samples(Enumerable.Range(1, 100).Select(i => (double)i).Reverse());

        Assert.Equal(50, samples.Median);
        Assert.Equal(99, samples.Percentile(0.99));
        Assert.Equal(100, samples.Percentile(1));
        Assert.Equal(1, samples.Percentile(0));
    }

    [Fact]
    public void Ratio_is_against_the_baseline_and_targets_say_whether_they_were_met()
    {
        var figure = new Figure("bus.qos0", "events", "msg/s", 80_000, null, 5) { Baseline = "mosquitto", BaselineMedian = 160_000 };
        var checkedFigure = figure with { Targets = [TargetCheck.AtLeast("ratio", figure.Ratio!.Value, 0.7)] };

        Assert.Equal(0.5, figure.Ratio);
        Assert.False(checkedFigure.TargetsMet);
        Assert.True(TargetCheck.Below("p50 ms", 0.4, 1).Met);
    }

    [Fact]
    public void Text_and_markdown_tables_show_every_figure_and_failure()
    {
        var machine = new MachineInfo("cpu", 2, 1024, "os", "kernel", ".NET", "mosquitto version 2", "1 1 1");
        var report = new BenchReport("./alicia bench", false, DateTimeOffset.UnixEpoch, 1, machine,
            [
                new Figure("rpc.query.sequential", "query", "ms", 0.42, 1.5, 100) { Targets = [TargetCheck.Below("p50 ms", 0.42, 1)] },
                new Figure("nlu.exact", "exact", "us", 3.5, 9, 100) { Note = "176 sentences" },
            ],
            [new MeasurementError("memory", "suite did not start")]);

        var text = TableWriter.Text(report);
        var markdown = TableWriter.Markdown(report);

        foreach (var output in new[] { text, markdown })
        {
            Assert.Contains("rpc.query.sequential", output, StringComparison.Ordinal);
            Assert.Contains("0.420", output, StringComparison.Ordinal);
            Assert.Contains("p50 ms < 1: met", output, StringComparison.Ordinal);
            Assert.Contains("176 sentences", output, StringComparison.Ordinal);
            Assert.Contains("FAILED memory: suite did not start", output, StringComparison.Ordinal);
        }

        Assert.StartsWith("| figure |", markdown, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1_234_567.0, "1,234,567")]
    [InlineData(12.345, "12.3")]
    [InlineData(0.0123, "0.012")]
    [InlineData(double.NaN, "-")]
    public void Numbers_read_well(double value, string expected) => Assert.Equal(expected, NumberText.Format(value));
}
