using Microsoft.Extensions.Options;

namespace Alicia.VoiceRouter;

/// <summary>Checks the voice router settings at start-up, naming the setting that is wrong.</summary>
public sealed class VoiceRouterOptionsValidator : IValidateOptions<VoiceRouterOptions>
{
    public ValidateOptionsResult Validate(string? name, VoiceRouterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        foreach (var (setting, value) in new[]
        {
            (nameof(options.ListenTimeout), options.ListenTimeout),
            (nameof(options.SttTimeout), options.SttTimeout),
            (nameof(options.AiTimeout), options.AiTimeout),
            (nameof(options.TtsTimeout), options.TtsTimeout),
        })
        {
            if (value <= TimeSpan.Zero || value > TimeSpan.FromMinutes(5))
            {
                errors.Add($"{VoiceRouterOptions.Section}:{setting} must be between 0 and 5 minutes, got {value}.");
            }
        }

        if (options.GroupWakeWindow < TimeSpan.Zero || options.GroupWakeWindow > TimeSpan.FromSeconds(10))
        {
            errors.Add($"{VoiceRouterOptions.Section}:GroupWakeWindow must be between 0 and 10 seconds, got {options.GroupWakeWindow}.");
        }

        var groupOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (group, sites) in options.SiteGroups)
        {
            foreach (var site in sites)
            {
                if (string.IsNullOrWhiteSpace(site) || site.Contains('/', StringComparison.Ordinal) || site.Contains('+', StringComparison.Ordinal) || site.Contains('#', StringComparison.Ordinal))
                {
                    errors.Add($"{VoiceRouterOptions.Section}:SiteGroups:{group} has an invalid site name '{site}' (one topic level, no wildcards).");
                }
                else if (!groupOf.TryAdd(site, group))
                {
                    errors.Add($"{VoiceRouterOptions.Section}:SiteGroups: site '{site}' is in both '{groupOf[site]}' and '{group}'.");
                }
            }
        }

        if (string.IsNullOrWhiteSpace(options.NotHeardReply))
        {
            errors.Add($"{VoiceRouterOptions.Section}:NotHeardReply must not be empty.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
