using Alicia.Contracts;

namespace Alicia.Reliability.Tests.Fuzz;

/// <summary>What a service counted between two of its metrics snapshots.</summary>
internal sealed record MetricsDelta(MetricsSnapshot Before, MetricsSnapshot After)
{
    public long Counter(string name) => After.Counters.GetValueOrDefault(name) - Before.Counters.GetValueOrDefault(name);

    /// <summary>Messages refused: rejected (every reason) plus expired.</summary>
    public long Refused => Counter("rejected") + Counter("expired");

    /// <summary>Handler runs of one route (its duration histogram's count).</summary>
    public long Runs(string filter) =>
        (After.HandlerDurations.GetValueOrDefault(filter)?.Count ?? 0) - (Before.HandlerDurations.GetValueOrDefault(filter)?.Count ?? 0);

    public IEnumerable<(string Reason, long Count)> Reasons() =>
        After.Counters.Keys.Where(k => k.StartsWith("rejected.", StringComparison.Ordinal))
            .Select(k => (k["rejected.".Length..], Counter(k))).Append(("expired", Counter("expired"))).Where(r => r.Item2 > 0);
}
