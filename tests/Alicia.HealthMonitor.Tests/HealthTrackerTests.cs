using Alicia.Contracts;
using Alicia.Contracts.Platform;

namespace Alicia.HealthMonitor.Tests;

public sealed class HealthTrackerTests
{
    private static readonly DateTimeOffset Start = new(2025, 1, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly HealthTracker _tracker = new(new HealthMonitorOptions { ErrorsPerMinuteThreshold = 10, ErrorRateWindow = TimeSpan.FromMinutes(1) });

    [Fact]
    public void An_offline_report_raises_a_critical_alert_that_clears_with_the_same_id_when_the_service_is_back()
    {
        _tracker.Observe(Report("tts", HealthState.Online), Start);

        var down = _tracker.Observe(Report("tts", HealthState.Offline), Start.AddSeconds(1));
        var up = _tracker.Observe(Report("tts", HealthState.Online), Start.AddSeconds(5));

        var raised = Assert.Single(down.Alerts);
        Assert.True(down.SummaryChanged);
        Assert.Equal((AlertKind.Offline, AlertSeverity.Critical, true), (raised.Kind, raised.Severity, raised.Active));
        var cleared = Assert.Single(up.Alerts);
        Assert.Equal(raised.Id, cleared.Id);
        Assert.False(cleared.Active);
        Assert.Equal(Envelope.UnixSeconds(Start.AddSeconds(5)), cleared.ClearedAt);
        Assert.Empty(_tracker.Summary(Start.AddSeconds(5)).ActiveAlerts);
    }

    [Fact]
    public void A_repeated_offline_report_does_not_raise_a_second_alert()
    {
        _tracker.Observe(Report("tts", HealthState.Offline), Start);

        var again = _tracker.Observe(Report("tts", HealthState.Offline), Start.AddSeconds(1));

        Assert.Empty(again.Alerts);
        Assert.False(again.SummaryChanged);
        Assert.Single(_tracker.Summary(Start).ActiveAlerts);
    }

    [Fact]
    public void A_service_is_silent_only_after_one_and_a_half_of_its_intervals()
    {
        _tracker.Observe(Report("stt", HealthState.Online, interval: 10), Start);

        var early = _tracker.Sweep(Start.AddSeconds(14.9));
        var late = _tracker.Sweep(Start.AddSeconds(15.1));
        var repeated = _tracker.Sweep(Start.AddSeconds(30));

        Assert.Empty(early.Alerts);
        var silent = Assert.Single(late.Alerts);
        Assert.Equal((AlertKind.Silent, AlertSeverity.Warning, "stt"), (silent.Kind, silent.Severity, silent.Service));
        Assert.Empty(repeated.Alerts);
        Assert.Equal([AlertKind.Silent], _tracker.Summary(Start).Services.Single().ActiveAlerts);
    }

    [Fact]
    public void The_next_report_clears_silence()
    {
        _tracker.Observe(Report("stt", HealthState.Online, interval: 10), Start);
        var raised = Assert.Single(_tracker.Sweep(Start.AddSeconds(20)).Alerts);

        var change = _tracker.Observe(Report("stt", HealthState.Online, interval: 10), Start.AddSeconds(21));

        var cleared = Assert.Single(change.Alerts);
        Assert.Equal((raised.Id, false), (cleared.Id, cleared.Active));
    }

    [Fact]
    public void An_offline_service_is_never_silent_and_going_offline_replaces_silence()
    {
        _tracker.Observe(Report("ai", HealthState.Online, interval: 10), Start);
        _tracker.Sweep(Start.AddSeconds(20));

        var offline = _tracker.Observe(Report("ai", HealthState.Offline, interval: 10), Start.AddSeconds(21));
        var later = _tracker.Sweep(Start.AddMinutes(10));

        Assert.Equal([(AlertKind.Silent, false), (AlertKind.Offline, true)], offline.Alerts.Select(a => (a.Kind, a.Active)));
        Assert.Empty(later.Alerts);
    }

    [Fact]
    public void An_error_rate_jump_raises_an_alert_and_a_quiet_window_clears_it()
    {
        _tracker.Observe(Report("voice-router", HealthState.Online, errors: 3), Start);
        var steady = _tracker.Observe(Report("voice-router", HealthState.Online, errors: 4), Start.AddSeconds(10));

        var jump = _tracker.Observe(Report("voice-router", HealthState.Online, errors: 30), Start.AddSeconds(20));
        var stillBad = _tracker.Observe(Report("voice-router", HealthState.Online, errors: 30), Start.AddSeconds(60));
        var quiet = _tracker.Observe(Report("voice-router", HealthState.Online, errors: 30), Start.AddSeconds(85));

        Assert.Empty(steady.Alerts);
        var raised = Assert.Single(jump.Alerts);
        Assert.Equal((AlertKind.ErrorRate, AlertSeverity.Warning, true), (raised.Kind, raised.Severity, raised.Active));
        Assert.Contains("errors per minute", raised.Message, StringComparison.Ordinal);
        Assert.Empty(stillBad.Alerts); // 27 errors over the last minute is still above 10 a minute
        var cleared = Assert.Single(quiet.Alerts);
        Assert.Equal((raised.Id, false), (cleared.Id, cleared.Active));
    }

    [Fact]
    public void The_summary_lists_every_service_by_name_with_its_report_and_alerts()
    {
        _tracker.Observe(Report("tts", HealthState.Online, errors: 2), Start);
        _tracker.Observe(Report("ai", HealthState.Degraded), Start.AddSeconds(1));
        _tracker.Observe(Report("stt", HealthState.Offline), Start.AddSeconds(2));

        var summary = _tracker.Summary(Start.AddSeconds(3));

        Assert.Equal(["ai", "stt", "tts"], summary.Services.Select(s => s.Service));
        Assert.Equal([HealthState.Degraded, HealthState.Offline, HealthState.Online], summary.Services.Select(s => s.Status));
        Assert.Equal(Envelope.UnixSeconds(Start.AddSeconds(1)), summary.Services[0].LastSeen);
        Assert.Equal(2, summary.Services[2].Errors);
        Assert.Equal([AlertKind.Offline], summary.Services[1].ActiveAlerts);
        Assert.Equal("stt", Assert.Single(summary.ActiveAlerts).Service);
    }

    [Fact]
    public void A_restarted_service_with_a_lower_error_count_is_not_an_error_burst()
    {
        var window = new ErrorRateWindow(TimeSpan.FromMinutes(1));
        window.Add(Start, 500, TimeSpan.FromSeconds(10));
        window.Add(Start.AddSeconds(10), 2, TimeSpan.FromSeconds(10));

        Assert.Equal(0, window.PerMinute);
    }

    [Fact]
    public void An_extra_report_right_after_another_does_not_inflate_the_rate()
    {
        var window = new ErrorRateWindow(TimeSpan.FromMinutes(1));
        window.Add(Start, 0, TimeSpan.FromSeconds(10));
        window.Add(Start.AddMilliseconds(5), 1, TimeSpan.FromSeconds(10));

        Assert.Equal(6, window.PerMinute, precision: 6); // one error over one 10 s interval, not over 5 ms
    }

    private static HealthReport Report(string service, HealthState status, long errors = 0, double interval = 10) =>
        new(service, "main", status, "0.1.0", 100, 42, errors, interval);
}
