using Alicia.Contracts;
using Microsoft.Extensions.Logging;

namespace Alicia.Ai.Timers;

/// <summary>
/// Keeps the running timers, persisted on every change, and fires each when it is due, also when
/// it fell due while the service was down (it fires right after the restart then).
/// </summary>
public sealed class TimerScheduler : IDisposable
{
    private readonly TimerStore _store;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly List<ScheduledTimer> _timers = [];
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _changed = new(0);
    private bool _loaded;

    public TimerScheduler(TimerStore store, TimeProvider time, ILogger<TimerScheduler> logger)
    {
        _store = store;
        _time = time;
        _logger = logger;
    }

    public ScheduledTimer Start(int durationSeconds, string? site, string? sessionId)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(durationSeconds, 1);
        var now = Envelope.UnixSeconds(_time.GetUtcNow());
        var timer = new ScheduledTimer(Guid.NewGuid().ToString("N")[..12], site, sessionId, durationSeconds, now, now + durationSeconds);
        Change(timers => timers.Add(timer));
        return timer;
    }

    /// <summary>Cancels the site's most recently started timer (any site's when none is given).</summary>
    public ScheduledTimer? CancelLatest(string? site)
    {
        ScheduledTimer? cancelled = null;
        Change(timers =>
        {
            cancelled = timers.Where(t => site is null || t.Site == site).MaxBy(t => t.StartedAt);
            if (cancelled is not null)
            {
                timers.Remove(cancelled);
            }
        });
        return cancelled;
    }

    /// <summary>The site's running timers (every timer when no site is given), soonest first.</summary>
    public IReadOnlyList<ScheduledTimer> Running(string? site)
    {
        EnsureLoaded();
        lock (_gate)
        {
            return _timers.Where(t => site is null || t.Site == site).OrderBy(t => t.DueAt).ToList();
        }
    }

    public int SecondsLeft(ScheduledTimer timer)
    {
        ArgumentNullException.ThrowIfNull(timer);
        return Math.Max(0, (int)Math.Ceiling(timer.DueAt - Envelope.UnixSeconds(_time.GetUtcNow())));
    }

    /// <summary>Fires due timers until cancelled; each is removed (and the file rewritten) before it is announced.</summary>
    public async Task RunAsync(Func<ScheduledTimer, Task> fire, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fire);
        EnsureLoaded();
        while (!cancellationToken.IsCancellationRequested)
        {
            foreach (var due in TakeDue())
            {
                try
                {
                    await fire(due);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    _logger.LogError(e, "Announcing timer {Id} failed", due.Id);
                }
            }

            var wait = UntilNext();
            try
            {
                await _changed.WaitAsync(wait, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private List<ScheduledTimer> TakeDue()
    {
        var now = Envelope.UnixSeconds(_time.GetUtcNow());
        List<ScheduledTimer> due = [];
        Change(timers =>
        {
            due = timers.Where(t => t.DueAt <= now).OrderBy(t => t.DueAt).ToList();
            timers.RemoveAll(due.Contains);
        });
        return due;
    }

    private TimeSpan UntilNext()
    {
        lock (_gate)
        {
            if (_timers.Count == 0)
            {
                return Timeout.InfiniteTimeSpan;
            }

            var seconds = _timers.Min(t => t.DueAt) - Envelope.UnixSeconds(_time.GetUtcNow());
            return TimeSpan.FromSeconds(Math.Clamp(seconds, 0.001, TimeSpan.FromDays(1).TotalSeconds));
        }
    }

    private void Change(Action<List<ScheduledTimer>> change)
    {
        EnsureLoaded();
        lock (_gate)
        {
            var before = _timers.ToList();
            change(_timers);
            if (before.SequenceEqual(_timers))
            {
                return;
            }

            _store.Save(_timers);
        }

        // Wakes the firing loop to look at the new soonest timer.
        _changed.Release();
    }

    public void Dispose() => _changed.Dispose();

    private void EnsureLoaded()
    {
        lock (_gate)
        {
            if (_loaded)
            {
                return;
            }

            _loaded = true;
            try
            {
                _timers.AddRange(_store.Load());
                if (_timers.Count > 0)
                {
                    _logger.LogInformation("Restored {Count} timer(s) from {File}", _timers.Count, _store.FilePath);
                }
            }
            catch (Exception e) when (e is IOException or System.Text.Json.JsonException or UnauthorizedAccessException)
            {
                _logger.LogError("Could not read timers from {File}: {Error}; starting without them", _store.FilePath, e.Message);
            }
        }
    }
}
