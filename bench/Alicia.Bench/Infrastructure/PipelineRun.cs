namespace Alicia.Bench.Infrastructure;

/// <summary>
/// One spoken command through the whole suite: how it ended, the two end-to-end latencies (to the
/// reply audio arriving) and the per-stage times.
/// </summary>
public sealed record PipelineRun(
    string Reason,
    string? Transcript,
    double FromLastWordMs,
    double FromVadCloseMs,
    IReadOnlyDictionary<string, double> StageMs);
