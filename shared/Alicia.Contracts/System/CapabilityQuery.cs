namespace Alicia.Contracts.Platform;

/// <summary>
/// Asked on <c>alicia/system/discovery/query</c>: which running services provide <see cref="Capability"/>
/// (every running service when null). Offline entries only with <see cref="IncludeOffline"/>.
/// </summary>
public sealed record CapabilityQuery(string? Capability = null, bool IncludeOffline = false);
