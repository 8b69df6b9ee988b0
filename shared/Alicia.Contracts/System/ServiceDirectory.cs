namespace Alicia.Contracts.Platform;

/// <summary>
/// The services discovery knows, sorted by service and instance: retained on <c>alicia/system/discovery/directory</c>
/// (everything, offline entries included) and the answer to a <see cref="CapabilityQuery"/>.
/// </summary>
public sealed record ServiceDirectory(double UpdatedAt, IReadOnlyList<DirectoryEntry> Services);
