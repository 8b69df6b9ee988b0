namespace Alicia.Bus;

/// <summary>
/// Exponential backoff with "equal jitter": half the delay is fixed, half random, so retries from many
/// clients spread out after a shared failure (a broker restart) without ever retrying instantly.
/// </summary>
public static class Backoff
{
    public static TimeSpan Delay(int attempt, TimeSpan baseDelay, TimeSpan maxDelay, Random? random = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempt, 1);
        var exponential = baseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt - 1, 30));
        var capped = Math.Min(exponential, maxDelay.TotalMilliseconds);
        var jitter = (random ?? Random.Shared).NextDouble() * capped / 2;
        return TimeSpan.FromMilliseconds((capped / 2) + jitter);
    }
}
