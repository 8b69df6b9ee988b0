using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Alicia.Contracts;

namespace Alicia.Bus.Metrics;

/// <summary>
/// Everything a service's bus counts: what it sent and handled, and every message it refused and why.
/// Read as Prometheus text or as a <see cref="MetricsSnapshot"/> published on the bus.
/// </summary>
public sealed class BusMetrics
{
    private readonly ConcurrentDictionary<string, Counter> _rejections = new();
    private readonly ConcurrentDictionary<string, DurationHistogram> _handlerDurations = new();
    private readonly ConcurrentDictionary<string, Func<double>> _gauges = new();

    public Counter Published { get; } = new("published", "Messages published to the broker.");
    public Counter Delivered { get; } = new("delivered", "Messages received from the broker and accepted.");
    public Counter Handled { get; } = new("handled", "Handler invocations that completed.");
    public Counter Failed { get; } = new("failed", "Handler invocations that threw.");
    public Counter Retried { get; } = new("retried", "Command attempts after the first.");
    public Counter DeadLettered { get; } = new("dead_lettered", "Commands that exhausted their attempts.");
    public Counter Expired { get; } = new("expired", "Messages dropped because their ttl had passed.");
    public Counter Rejected { get; } = new("rejected", "Malformed, oversized or looping messages refused.");
    public Counter Dropped { get; } = new("dropped", "Messages dropped by backpressure (queue full).");
    public Counter Duplicates { get; } = new("duplicates", "Repeated commands answered without running the handler again.");
    public Counter PublishFailed { get; } = new("publish_failed", "Publishes that could not be sent while connected.");
    public Counter OutboxDropped { get; } = new("outbox_dropped", "Publishes dropped while disconnected because the outbox was full.");
    public Counter Reconnects { get; } = new("reconnects", "Successful reconnections to the broker.");

    public IEnumerable<Counter> Counters =>
        [Published, Delivered, Handled, Failed, Retried, DeadLettered, Expired, Rejected, Dropped, Duplicates, PublishFailed, OutboxDropped, Reconnects];

    public IReadOnlyDictionary<string, Counter> RejectionsByReason => _rejections;

    public void CountRejection(string reason)
    {
        Rejected.Increment();
        _rejections.GetOrAdd(reason, r => new Counter(r, "")).Increment();
    }

    public DurationHistogram HandlerDuration(string route) => _handlerDurations.GetOrAdd(route, _ => new DurationHistogram());

    public void Gauge(string name, Func<double> read) => _gauges[name] = read;

    public MetricsSnapshot Snapshot(string service, string instance)
    {
        var counters = Counters.ToDictionary(c => c.Name, c => c.Value);
        foreach (var (reason, counter) in _rejections)
        {
            counters[$"rejected.{reason}"] = counter.Value;
        }

        return new MetricsSnapshot(
            service,
            instance,
            counters,
            _gauges.ToDictionary(g => g.Key, g => g.Value()),
            _handlerDurations.ToDictionary(h => h.Key, h => h.Value.Summarize()));
    }

    /// <summary>The Prometheus text exposition format (version 0.0.4).</summary>
    public string ToPrometheusText(string service)
    {
        var text = new StringBuilder();
        var label = $"service=\"{service}\"";
        foreach (var counter in Counters)
        {
            Line(text, $"# HELP alicia_bus_{counter.Name}_total {counter.Help}");
            Line(text, $"# TYPE alicia_bus_{counter.Name}_total counter");
            Line(text, $"alicia_bus_{counter.Name}_total{{{label}}} {counter.Value}");
        }

        Line(text, "# HELP alicia_bus_rejected_by_reason_total Refused messages by reason.");
        Line(text, "# TYPE alicia_bus_rejected_by_reason_total counter");
        foreach (var (reason, counter) in _rejections)
        {
            Line(text, $"alicia_bus_rejected_by_reason_total{{{label},reason=\"{reason}\"}} {counter.Value}");
        }

        foreach (var (name, read) in _gauges)
        {
            Line(text, $"# TYPE alicia_bus_{name} gauge");
            Line(text, $"alicia_bus_{name}{{{label}}} {Format(read())}");
        }

        Line(text, "# HELP alicia_bus_handler_duration_seconds Handler run time by route.");
        Line(text, "# TYPE alicia_bus_handler_duration_seconds histogram");
        foreach (var (route, histogram) in _handlerDurations)
        {
            var routeLabel = $"{label},route=\"{route}\"";
            var cumulative = histogram.CumulativeCounts();
            for (var i = 0; i < DurationHistogram.BoundsMs.Length; i++)
            {
                Line(text, $"alicia_bus_handler_duration_seconds_bucket{{{routeLabel},le=\"{Format(DurationHistogram.BoundsMs[i] / 1000)}\"}} {cumulative[i]}");
            }

            Line(text, $"alicia_bus_handler_duration_seconds_bucket{{{routeLabel},le=\"+Inf\"}} {cumulative[^1]}");
            Line(text, $"alicia_bus_handler_duration_seconds_sum{{{routeLabel}}} {Format(histogram.SumMs / 1000)}");
            Line(text, $"alicia_bus_handler_duration_seconds_count{{{routeLabel}}} {histogram.Count}");
        }

        return text.ToString();
    }

    private static void Line(StringBuilder text, string line) => text.Append(line).Append('\n');

    private static string Format(double value) => value.ToString("G", CultureInfo.InvariantCulture);
}
