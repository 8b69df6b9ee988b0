using Alicia.Contracts;

namespace Alicia.Discovery;

/// <summary>Discovery's own settings, bound from <c>Services:discovery</c>.</summary>
public sealed class DiscoveryOptions
{
    public const string Section = $"Services:{ServiceNames.Discovery}";

    /// <summary>
    /// How long an instance that died (its last will said offline) stays listed as offline, so the directory
    /// shows what went missing; a clean shutdown unregisters at once.
    /// </summary>
    public TimeSpan ForgetOfflineAfter { get; set; } = TimeSpan.FromHours(1);
}
