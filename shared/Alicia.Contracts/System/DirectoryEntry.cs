namespace Alicia.Contracts.Platform;

/// <summary>
/// One running (or last-will offline) service instance in the discovery directory. <see cref="StartedAt"/> is when
/// the instance started, <see cref="Since"/> when discovery first listed it (both Unix seconds).
/// </summary>
public sealed record DirectoryEntry(
    string Service,
    string Instance,
    string Version,
    IReadOnlyList<string> Capabilities,
    double StartedAt,
    double Since,
    HealthState Status);
