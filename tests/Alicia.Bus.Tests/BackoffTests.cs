namespace Alicia.Bus.Tests;

public sealed class BackoffTests
{
    [Fact]
    public void Doubles_each_attempt_with_jitter_in_the_upper_half()
    {
        var random = new Random(42);
        var baseDelay = TimeSpan.FromMilliseconds(100);
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var ceiling = 100 * Math.Pow(2, attempt - 1);
            for (var i = 0; i < 100; i++)
            {
                var delay = Backoff.Delay(attempt, baseDelay, TimeSpan.FromMinutes(1), random).TotalMilliseconds;
                Assert.InRange(delay, ceiling / 2, ceiling);
            }
        }
    }

    [Fact]
    public void Never_exceeds_the_maximum_even_after_many_attempts()
    {
        var delay = Backoff.Delay(1000, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(5));

        Assert.InRange(delay.TotalMilliseconds, 2500, 5000);
    }

    [Fact]
    public void Spreads_retries_out()
    {
        var delays = Enumerable.Range(0, 50).Select(_ => Backoff.Delay(3, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(5))).Distinct().Count();

        Assert.True(delays > 10, "jitter should make retries differ");
    }
}
