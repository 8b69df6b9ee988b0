using Microsoft.Extensions.Options;

namespace Alicia.HealthMonitor;

/// <summary>Refuses settings that would make alerts meaningless, naming the wrong one.</summary>
public sealed class HealthMonitorOptionsValidator : IValidateOptions<HealthMonitorOptions>
{
    public ValidateOptionsResult Validate(string? name, HealthMonitorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        var section = HealthMonitorOptions.Section;

        // Below one interval a service that reports on time would already count as silent.
        if (options.SilentAfterIntervals is < 1.0 or > 100)
        {
            errors.Add($"{section}:SilentAfterIntervals {options.SilentAfterIntervals} must be between 1 and 100 health intervals.");
        }

        if (!(options.ErrorsPerMinuteThreshold > 0))
        {
            errors.Add($"{section}:ErrorsPerMinuteThreshold {options.ErrorsPerMinuteThreshold} must be above 0.");
        }

        if (options.ErrorRateWindow < TimeSpan.FromSeconds(1))
        {
            errors.Add($"{section}:ErrorRateWindow {options.ErrorRateWindow} must be at least one second.");
        }

        if (options.CheckInterval < TimeSpan.FromMilliseconds(10) || options.CheckInterval > TimeSpan.FromMinutes(1))
        {
            errors.Add($"{section}:CheckInterval {options.CheckInterval} must be between 10 ms and 1 minute.");
        }

        if (options.SummaryInterval < TimeSpan.FromMilliseconds(100))
        {
            errors.Add($"{section}:SummaryInterval {options.SummaryInterval} must be at least 100 ms.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
