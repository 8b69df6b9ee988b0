using Microsoft.Extensions.Options;

namespace Alicia.DemoDevices;

/// <summary>Refuses settings that cannot work, naming the setting.</summary>
public sealed class DemoDevicesOptionsValidator : IValidateOptions<DemoDevicesOptions>
{
    private const string Prefix = DemoDevicesOptions.Section;

    public ValidateOptionsResult Validate(string? name, DemoDevicesOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Host))
        {
            errors.Add("Bus:Host must name the broker");
        }

        if (options.Port is < 1 or > 65535)
        {
            errors.Add($"Bus:Port {options.Port} must be between 1 and 65535");
        }

        if (!IsPlainTopic(options.TopicPrefix) || options.TopicPrefix == "alicia" || options.TopicPrefix.StartsWith("alicia/", StringComparison.Ordinal))
        {
            errors.Add($"{Prefix}:TopicPrefix '{options.TopicPrefix}' must be a plain topic prefix outside alicia/ that the bridge user may write");
        }

        if (!IsPlainTopic(options.DiscoveryPrefix))
        {
            errors.Add($"{Prefix}:DiscoveryPrefix '{options.DiscoveryPrefix}' must be a plain topic prefix (Home Assistant's is 'homeassistant')");
        }

        if (options.SimulationInterval < TimeSpan.FromMilliseconds(10))
        {
            errors.Add($"{Prefix}:SimulationInterval must be at least 00:00:00.010");
        }

        if (options.ReconnectMinDelay <= TimeSpan.Zero || options.ReconnectMaxDelay < options.ReconnectMinDelay)
        {
            errors.Add($"{Prefix}:ReconnectMinDelay must be positive and not above ReconnectMaxDelay");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static bool IsPlainTopic(string? topic) =>
        !string.IsNullOrWhiteSpace(topic) && topic.IndexOfAny(['+', '#', '\0']) < 0 && !topic.EndsWith('/') && !topic.StartsWith('$');
}
