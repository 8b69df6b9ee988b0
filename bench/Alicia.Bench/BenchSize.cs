namespace Alicia.Bench;

/// <summary>How much work each measurement does: the real run, or the smoke run that only proves the harness works.</summary>
public sealed record BenchSize(
    bool Smoke,
    int ThroughputRounds,
    int ThroughputMessages,
    int FanOutMessages,
    int QuerySamples,
    int ConcurrentQuerySamples,
    int PriorityRounds,
    int PriorityBacklog,
    int DispatchMessages,
    int DispatchRounds,
    int SpeechRepetitions,
    int NluRepetitions,
    int PipelineRuns,
    TimeSpan MemoryLoadDuration)
{
    public static BenchSize Full { get; } = new(
        Smoke: false,
        ThroughputRounds: 5,
        ThroughputMessages: 100_000,
        FanOutMessages: 10_000,
        QuerySamples: 2_000,
        ConcurrentQuerySamples: 10_000,
        PriorityRounds: 30,
        PriorityBacklog: 10_000,
        DispatchMessages: 1_000_000,
        DispatchRounds: 5,
        SpeechRepetitions: 5,
        NluRepetitions: 20,
        PipelineRuns: 50,
        MemoryLoadDuration: TimeSpan.FromSeconds(10));

    public static BenchSize SmokeSize { get; } = new(
        Smoke: true,
        ThroughputRounds: 1,
        ThroughputMessages: 300,
        FanOutMessages: 100,
        QuerySamples: 20,
        ConcurrentQuerySamples: 64,
        PriorityRounds: 2,
        PriorityBacklog: 200,
        DispatchMessages: 5_000,
        DispatchRounds: 1,
        SpeechRepetitions: 1,
        NluRepetitions: 1,
        PipelineRuns: 2,
        MemoryLoadDuration: TimeSpan.FromSeconds(1));

    /// <summary>Warm-up runs use a tenth of a measured run, at least a few hundred (smoke: a handful).</summary>
    public int WarmUp(int measured) => Smoke ? Math.Min(measured, 20) : Math.Max(Math.Min(measured, 200), measured / 10);
}
