using System.Globalization;
using Alicia.Ai.Timers;
using Alicia.Intents;

namespace Alicia.Ai.Dialogue;

/// <summary>Starts, cancels and reports kitchen timers (the scheduler fires them).</summary>
public sealed class TimerIntents(TimerScheduler timers)
{
    public static bool Handles(string intent) => intent is IntentNames.StartTimer or IntentNames.CancelTimer
        or IntentNames.TimerStatus or IntentNames.ListTimers;

    public TurnOutcome Handle(IntentMatch match, string? site, string? sessionId)
    {
        ArgumentNullException.ThrowIfNull(match);
        switch (match.Intent)
        {
            case IntentNames.StartTimer:
                var seconds = (Number(match, "hours") * 3600) + (Number(match, "minutes") * 60) + Number(match, "seconds");
                if (seconds <= 0)
                {
                    return new TurnOutcome(match.Intent, "For how long?") { ExpectsReply = true };
                }

                var started = timers.Start(seconds, site, sessionId);
                return new TurnOutcome(match.Intent, $"Timer set for {DurationWords.Describe(seconds)}.")
                {
                    TimerEvent = "timer_started",
                    Timer = started,
                };
            case IntentNames.CancelTimer:
                var cancelled = timers.CancelLatest(site);
                return cancelled is null
                    ? new TurnOutcome(match.Intent, Replies.NoTimers)
                    : new TurnOutcome(match.Intent, $"Cancelled the {DurationWords.AsAdjective(cancelled.DurationSeconds)} timer.")
                    {
                        TimerEvent = "timer_cancelled",
                        Timer = cancelled,
                    };
            default:
                return new TurnOutcome(match.Intent, Status(timers.Running(site)));
        }
    }

    /// <summary>What the announcement says when a timer is done.</summary>
    public static string Done(ScheduledTimer timer)
    {
        ArgumentNullException.ThrowIfNull(timer);
        return $"Your {DurationWords.AsAdjective(timer.DurationSeconds)} timer is done.";
    }

    private string Status(IReadOnlyList<ScheduledTimer> running)
    {
        var each = running.Select(t => $"The {DurationWords.AsAdjective(t.DurationSeconds)} timer has {DurationWords.Describe(timers.SecondsLeft(t))} left.");
        return running.Count switch
        {
            0 => Replies.NoTimers,
            1 => each.Single(),
            _ => $"You have {string.Join(' ', NumberWords.ToWords(running.Count))} timers. {string.Join(' ', each)}",
        };
    }

    private static int Number(IntentMatch match, string slot) =>
        int.TryParse(match.SlotValue(slot), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : 0;
}
