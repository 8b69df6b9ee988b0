namespace Alicia.Contracts.Platform;

/// <summary>A query on <c>alicia/system/config/request</c> for one service's current configuration.</summary>
public sealed record ConfigRequest(string Service);
