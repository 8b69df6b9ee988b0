namespace Alicia.HealthMonitor.Tests;

public sealed class HealthMonitorOptionsValidatorTests
{
    [Fact]
    public void Defaults_are_valid()
    {
        Assert.True(new HealthMonitorOptionsValidator().Validate(null, new HealthMonitorOptions()).Succeeded);
    }

    [Fact]
    public void Names_every_wrong_setting()
    {
        var options = new HealthMonitorOptions
        {
            SilentAfterIntervals = 0.5,
            ErrorsPerMinuteThreshold = 0,
            ErrorRateWindow = TimeSpan.Zero,
            CheckInterval = TimeSpan.Zero,
            SummaryInterval = TimeSpan.Zero,
        };

        var result = new HealthMonitorOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        foreach (var setting in new[] { "SilentAfterIntervals", "ErrorsPerMinuteThreshold", "ErrorRateWindow", "CheckInterval", "SummaryInterval" })
        {
            Assert.Contains($"Services:health-monitor:{setting}", result.FailureMessage, StringComparison.Ordinal);
        }
    }
}
