namespace Alicia.ServiceTesting;

/// <summary>Which broker identity a <see cref="ProbeService"/> runs as, and what it offers.</summary>
public sealed record ProbeIdentity(string Service, IReadOnlyList<string> Capabilities);
