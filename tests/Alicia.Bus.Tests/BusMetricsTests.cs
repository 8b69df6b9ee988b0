using Alicia.Bus.Metrics;

namespace Alicia.Bus.Tests;

public sealed class BusMetricsTests
{
    [Fact]
    public void Prometheus_text_has_counters_reasons_gauges_and_histograms()
    {
        var metrics = new BusMetrics();
        metrics.Published.Add(3);
        metrics.CountRejection("invalid_json");
        metrics.CountRejection("invalid_json");
        metrics.Gauge("queue_depth", () => 7);
        metrics.HandlerDuration("alicia/voice/stt/request").Record(TimeSpan.FromMilliseconds(3));

        var text = metrics.ToPrometheusText("stt");

        Assert.Contains("alicia_bus_published_total{service=\"stt\"} 3\n", text, StringComparison.Ordinal);
        Assert.Contains("alicia_bus_rejected_total{service=\"stt\"} 2\n", text, StringComparison.Ordinal);
        Assert.Contains("alicia_bus_rejected_by_reason_total{service=\"stt\",reason=\"invalid_json\"} 2\n", text, StringComparison.Ordinal);
        Assert.Contains("alicia_bus_queue_depth{service=\"stt\"} 7\n", text, StringComparison.Ordinal);
        Assert.Contains("alicia_bus_handler_duration_seconds_bucket{service=\"stt\",route=\"alicia/voice/stt/request\",le=\"0.005\"} 1\n", text, StringComparison.Ordinal);
        Assert.Contains("alicia_bus_handler_duration_seconds_count{service=\"stt\",route=\"alicia/voice/stt/request\"} 1\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Snapshot_carries_counters_and_percentiles()
    {
        var metrics = new BusMetrics();
        var histogram = metrics.HandlerDuration("r");
        for (var i = 1; i <= 100; i++)
        {
            histogram.Record(TimeSpan.FromMilliseconds(i <= 98 ? 1 : 400));
        }

        var snapshot = metrics.Snapshot("ai", "main");

        Assert.Equal(0, snapshot.Counters["handled"]);
        Assert.Equal(1, snapshot.HandlerDurations["r"].P50Ms);
        Assert.Equal(400, snapshot.HandlerDurations["r"].P99Ms);
        Assert.Equal(100, snapshot.HandlerDurations["r"].Count);
    }
}
