using Alicia.Ai.Timers;
using Microsoft.Extensions.Logging.Abstractions;

namespace Alicia.Ai.Tests;

public sealed class TimerTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("alicia-timers-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData(5 * 60, "five minutes", "five minute")]
    [InlineData(1, "one second", "one second")]
    [InlineData(90, "one minute and thirty seconds", "one minute and thirty second")]
    [InlineData(3600 + (15 * 60) + 7, "one hour and fifteen minutes", "one hour and fifteen minute")]
    public void Durations_read_as_spoken(int seconds, string described, string adjective)
    {
        Assert.Equal(described, DurationWords.Describe(seconds));
        Assert.Equal(adjective, DurationWords.AsAdjective(seconds));
    }

    [Fact]
    public async Task Timers_fire_in_order_and_are_removed_from_the_file()
    {
        using var scheduler = new TimerScheduler(new TimerStore(_directory), TimeProvider.System, NullLogger<TimerScheduler>.Instance);
        var fired = new List<string>();
        var both = new TaskCompletionSource();
        scheduler.Start(2, "hall", null);
        scheduler.Start(1, "kitchen", null);
        Assert.Equal(["kitchen", "hall"], scheduler.Running(null).Select(t => t.Site));
        using var stop = new CancellationTokenSource();

        var loop = scheduler.RunAsync(timer =>
        {
            fired.Add(timer.Site!);
            if (fired.Count == 2)
            {
                both.SetResult();
            }

            return Task.CompletedTask;
        }, stop.Token);
        await both.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await stop.CancelAsync();
        await loop;

        Assert.Equal(["kitchen", "hall"], fired);
        Assert.Empty(new TimerStore(_directory).Load());
    }

    [Fact]
    public void A_new_scheduler_restores_the_running_timers()
    {
        using (var first = new TimerScheduler(new TimerStore(_directory), TimeProvider.System, NullLogger<TimerScheduler>.Instance))
        {
            first.Start(600, "kitchen", "s1");
            first.Start(300, "hall", "s2");
            Assert.Equal("hall", first.CancelLatest("hall")!.Site);
        }

        using var second = new TimerScheduler(new TimerStore(_directory), TimeProvider.System, NullLogger<TimerScheduler>.Instance);

        var timer = Assert.Single(second.Running(null));
        Assert.Equal(("kitchen", "s1", 600), (timer.Site, timer.SessionId, timer.DurationSeconds));
        Assert.InRange(second.SecondsLeft(timer), 590, 600);
    }

    [Fact]
    public void A_damaged_file_starts_without_timers()
    {
        File.WriteAllText(Path.Combine(_directory, "timers.json"), "{ not json");

        using var scheduler = new TimerScheduler(new TimerStore(_directory), TimeProvider.System, NullLogger<TimerScheduler>.Instance);

        Assert.Empty(scheduler.Running(null));
    }
}
