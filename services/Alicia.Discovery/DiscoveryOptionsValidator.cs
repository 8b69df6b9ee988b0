using Microsoft.Extensions.Options;

namespace Alicia.Discovery;

public sealed class DiscoveryOptionsValidator : IValidateOptions<DiscoveryOptions>
{
    public ValidateOptionsResult Validate(string? name, DiscoveryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.ForgetOfflineAfter >= TimeSpan.FromSeconds(1)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"{DiscoveryOptions.Section}:ForgetOfflineAfter {options.ForgetOfflineAfter} must be at least one second.");
    }
}
