namespace Alicia.Bench.Reporting;

/// <summary>A measurement that could not finish, and why.</summary>
public sealed record MeasurementError(string Measurement, string Error);
