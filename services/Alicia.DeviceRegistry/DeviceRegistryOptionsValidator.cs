using Alicia.Contracts;
using Microsoft.Extensions.Options;

namespace Alicia.DeviceRegistry;

/// <summary>Refuses settings that cannot work, naming the setting and what to use instead.</summary>
public sealed class DeviceRegistryOptionsValidator : IValidateOptions<DeviceRegistryOptions>
{
    private const string Prefix = DeviceRegistryOptions.Section;

    public ValidateOptionsResult Validate(string? name, DeviceRegistryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(options.DataDirectory))
        {
            errors.Add($"{Prefix}:DataDirectory must name a directory for devices.db");
        }

        if (string.IsNullOrWhiteSpace(options.DiscoveryPrefix) || options.DiscoveryPrefix.IndexOfAny(['+', '#']) >= 0
            || options.DiscoveryPrefix.EndsWith('/') || IsAlicia(options.DiscoveryPrefix))
        {
            errors.Add($"{Prefix}:DiscoveryPrefix '{options.DiscoveryPrefix}' must be a plain topic prefix outside alicia/ (Home Assistant's is 'homeassistant')");
        }

        foreach (var filter in options.EffectiveBridgeTopics)
        {
            if (string.IsNullOrWhiteSpace(filter) || IsAlicia(filter) || filter.StartsWith('$') || filter.StartsWith('#') || filter.StartsWith('+'))
            {
                errors.Add($"{Prefix}:BridgeTopics entry '{filter}' must be a bridge's own tree such as 'zigbee2mqtt/#', outside alicia/");
            }
        }

        if (options.StateConfirmTimeout < TimeSpan.Zero || options.StateConfirmTimeout > TimeSpan.FromSeconds(10))
        {
            errors.Add($"{Prefix}:StateConfirmTimeout must be between 00:00:00 and 00:00:10 (commands are answered within the sender's timeout)");
        }

        if (options.InboundCapacity < 1)
        {
            errors.Add($"{Prefix}:InboundCapacity must be at least 1");
        }

        if (options.StateCacheLimit < 0)
        {
            errors.Add($"{Prefix}:StateCacheLimit must not be negative (0 turns the cache off)");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static bool IsAlicia(string topic) => topic == Topics.Root || topic.StartsWith(Topics.Root + "/", StringComparison.Ordinal);
}
