using System.Globalization;
using Alicia.Contracts;
using Alicia.Contracts.Platform;

namespace Alicia.HealthMonitor;

/// <summary>
/// The monitor's view of every service, fed with health reports and the passing of time. Decides when an
/// alert is raised or cleared; knows nothing of MQTT. Not thread-safe: the service feeds it one call at a time.
/// </summary>
public sealed class HealthTracker(HealthMonitorOptions options)
{
    private readonly SortedDictionary<string, TrackedService> _services = new(StringComparer.Ordinal);

    public IReadOnlyCollection<string> Services => _services.Keys;

    /// <summary>Takes in a report from <c>alicia/system/health/{service}</c> (a regular one, an answer to a check or a last will).</summary>
    public HealthChange Observe(HealthReport report, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(report);
        var isNew = !_services.TryGetValue(report.Service, out var service);
        var previous = service?.Report;
        if (service is null)
        {
            service = new TrackedService(report.Service, report, now, options.ErrorRateWindow);
            _services.Add(report.Service, service);
        }

        service.Report = report;
        service.LastSeen = now;
        var alerts = new List<Alert>();
        if (report.Status == HealthState.Offline)
        {
            // Offline says it all: being silent or failing no longer adds anything.
            Clear(service, AlertKind.Silent, now, $"{service.Name} is offline rather than silent", alerts);
            Clear(service, AlertKind.ErrorRate, now, $"{service.Name} is offline; its error rate no longer applies", alerts);
            Raise(service, AlertKind.Offline, now, $"{service.Name} ({report.Instance}) is offline", alerts);
        }
        else
        {
            service.ErrorRate.Add(now, report.Errors, service.Interval);
            Clear(service, AlertKind.Offline, now, $"{service.Name} ({report.Instance}) is back {Wire(report.Status)}", alerts);
            Clear(service, AlertKind.Silent, now, $"{service.Name} reports again", alerts);
            var rate = service.ErrorRate.PerMinute;
            if (rate > options.ErrorsPerMinuteThreshold)
            {
                Raise(service, AlertKind.ErrorRate, now,
                    $"{service.Name} has {Format(rate)} errors per minute (threshold {Format(options.ErrorsPerMinuteThreshold)})", alerts);
            }
            else
            {
                Clear(service, AlertKind.ErrorRate, now, $"{service.Name} is down to {Format(rate)} errors per minute", alerts);
            }
        }

        var changed = isNew || alerts.Count > 0 || previous!.Status != report.Status || previous.Instance != report.Instance;
        return new HealthChange(alerts, changed);
    }

    /// <summary>Raises a silent alert for every service that should be online but missed its reports.</summary>
    public HealthChange Sweep(DateTimeOffset now)
    {
        var alerts = new List<Alert>();
        foreach (var service in _services.Values)
        {
            if (service.Report.Status == HealthState.Offline || service.ActiveAlerts.ContainsKey(AlertKind.Silent))
            {
                continue;
            }

            var quiet = now - service.LastSeen;
            if (quiet > service.Interval * options.SilentAfterIntervals)
            {
                Raise(service, AlertKind.Silent, now,
                    $"{service.Name} has not reported for {Format(quiet.TotalSeconds)} s (it reports every {Format(service.Interval.TotalSeconds)} s)", alerts);
            }
        }

        return alerts.Count == 0 ? HealthChange.None : new HealthChange(alerts, true);
    }

    public HealthSummary Summary(DateTimeOffset now) => new(
        Envelope.UnixSeconds(now),
        [.. _services.Values.Select(s => s.ToStatus())],
        [.. _services.Values.SelectMany(s => s.ActiveAlerts.Values).OrderBy(a => a.RaisedAt).ThenBy(a => a.Id, StringComparer.Ordinal)]);

    private static void Raise(TrackedService service, AlertKind kind, DateTimeOffset now, string message, List<Alert> changes)
    {
        if (service.ActiveAlerts.ContainsKey(kind))
        {
            return;
        }

        var alert = new Alert(
            Id: $"{service.Name}-{Wire(kind)}-{now.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)}",
            Service: service.Name,
            Kind: kind,
            Severity: kind == AlertKind.Offline ? AlertSeverity.Critical : AlertSeverity.Warning,
            Message: message,
            RaisedAt: Envelope.UnixSeconds(now),
            Active: true);
        service.ActiveAlerts.Add(kind, alert);
        changes.Add(alert);
    }

    private static void Clear(TrackedService service, AlertKind kind, DateTimeOffset now, string message, List<Alert> changes)
    {
        if (service.ActiveAlerts.Remove(kind, out var alert))
        {
            changes.Add(alert with { Active = false, ClearedAt = Envelope.UnixSeconds(now), Message = message });
        }
    }

    private static string Wire(AlertKind kind) => kind switch
    {
        AlertKind.Offline => "offline",
        AlertKind.Silent => "silent",
        _ => "error_rate",
    };

    private static string Wire(HealthState state) => state == HealthState.Degraded ? "degraded" : "online";

    private static string Format(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
