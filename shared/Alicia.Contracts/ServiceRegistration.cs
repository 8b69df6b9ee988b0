namespace Alicia.Contracts;

/// <summary>Published on <c>alicia/system/discovery/register</c> on every connect, and (with no capabilities) on unregister.</summary>
public sealed record ServiceRegistration(
    string Service,
    string Instance,
    string Version,
    IReadOnlyList<string> Capabilities,
    double StartedAt);
