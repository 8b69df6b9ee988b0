namespace Alicia.Bench.Reporting;

/// <summary>Everything one run produced: the command, the machine, every figure, and any measurement that failed.</summary>
public sealed record BenchReport(
    string Command,
    bool Smoke,
    DateTimeOffset StartedAt,
    double DurationSeconds,
    MachineInfo Machine,
    IReadOnlyList<Figure> Figures,
    IReadOnlyList<MeasurementError> Errors);
