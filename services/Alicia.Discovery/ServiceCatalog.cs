using Alicia.Contracts;
using Alicia.Contracts.Platform;

namespace Alicia.Discovery;

/// <summary>
/// The directory itself: one entry per service instance, built from registrations, unregistrations and health
/// reports (a last will marks an instance offline). Each change method says whether anything changed. Thread-safe.
/// </summary>
public sealed class ServiceCatalog
{
    private readonly Dictionary<(string Service, string Instance), DirectoryEntry> _entries = [];
    private readonly Dictionary<(string Service, string Instance), DateTimeOffset> _offlineSince = [];
    private readonly Lock _lock = new();

    public bool Register(ServiceRegistration registration, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(registration);
        var key = (registration.Service, registration.Instance);
        lock (_lock)
        {
            _entries.TryGetValue(key, out var known);
            // A new start time is a new process: it has been listed since now, not since its predecessor.
            var since = known is not null && known.StartedAt == registration.StartedAt ? known.Since : Envelope.UnixSeconds(now);
            var entry = new DirectoryEntry(registration.Service, registration.Instance, registration.Version,
                [.. registration.Capabilities], registration.StartedAt, since, HealthState.Online);
            _offlineSince.Remove(key);
            return Store(key, known, entry);
        }
    }

    public bool Unregister(string service, string instance)
    {
        lock (_lock)
        {
            _offlineSince.Remove((service, instance));
            return _entries.Remove((service, instance));
        }
    }

    /// <summary>
    /// Follows an instance's health: offline (its last will, or its own goodbye) marks it offline; online or degraded
    /// updates its status, and lists an instance discovery has not seen register (it started before discovery did).
    /// </summary>
    public bool ObserveHealth(HealthReport report, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(report);
        var key = (report.Service, report.Instance);
        lock (_lock)
        {
            _entries.TryGetValue(key, out var known);
            if (report.Status == HealthState.Offline)
            {
                if (known is null || known.Status == HealthState.Offline)
                {
                    return false;
                }

                _offlineSince[key] = now;
                return Store(key, known, known with { Status = HealthState.Offline });
            }

            _offlineSince.Remove(key);
            var entry = known is not null
                ? known with { Status = report.Status }
                // Its capabilities come with its next registration (on its next connect).
                : new DirectoryEntry(report.Service, report.Instance, report.Version, [],
                    Envelope.UnixSeconds(now) - report.UptimeSeconds, Envelope.UnixSeconds(now), report.Status);
            return Store(key, known, entry);
        }
    }

    /// <summary>Drops instances that have been offline longer than <paramref name="retention"/>.</summary>
    public bool ForgetOffline(DateTimeOffset now, TimeSpan retention)
    {
        lock (_lock)
        {
            var expired = _offlineSince.Where(p => now - p.Value >= retention).Select(p => p.Key).ToList();
            foreach (var key in expired)
            {
                _offlineSince.Remove(key);
                _entries.Remove(key);
            }

            return expired.Count > 0;
        }
    }

    /// <summary>Everything, offline entries included: what discovery publishes.</summary>
    public ServiceDirectory Directory(DateTimeOffset now) => Find(new CapabilityQuery(IncludeOffline: true), now);

    /// <summary>The instances that provide the asked capability (any, when none is asked), running ones unless offline ones are asked for too.</summary>
    public ServiceDirectory Find(CapabilityQuery query, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(query);
        lock (_lock)
        {
            var matches = _entries.Values
                .Where(e => query.IncludeOffline || e.Status != HealthState.Offline)
                .Where(e => string.IsNullOrEmpty(query.Capability) || e.Capabilities.Contains(query.Capability, StringComparer.OrdinalIgnoreCase))
                .OrderBy(e => e.Service, StringComparer.Ordinal)
                .ThenBy(e => e.Instance, StringComparer.Ordinal);
            return new ServiceDirectory(Envelope.UnixSeconds(now), [.. matches]);
        }
    }

    private bool Store((string, string) key, DirectoryEntry? known, DirectoryEntry entry)
    {
        if (known is not null && Same(known, entry))
        {
            return false;
        }

        _entries[key] = entry;
        return true;
    }

    private static bool Same(DirectoryEntry a, DirectoryEntry b) =>
        a with { Capabilities = [] } == b with { Capabilities = [] } && a.Capabilities.SequenceEqual(b.Capabilities);
}
