using System.Globalization;
using Microsoft.Extensions.Options;

namespace Alicia.Stt;

/// <summary>Refuses settings the service cannot work with, naming the setting and the rule.</summary>
public sealed class SttOptionsValidator : IValidateOptions<SttOptions>
{
    public ValidateOptionsResult Validate(string? name, SttOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        void Require(bool condition, string setting, object? value, string rule)
        {
            if (!condition)
            {
                failures.Add($"{SttOptions.Section}:{setting} {rule} (got {Convert.ToString(value, CultureInfo.InvariantCulture)})");
            }
        }

        Require(!string.IsNullOrWhiteSpace(options.WakePhrase), nameof(options.WakePhrase), options.WakePhrase, "must name a phrase such as \"hey alicia\"");
        Require(options.WakeThreshold is > 0 and < 1, nameof(options.WakeThreshold), options.WakeThreshold, "must be a probability between 0 and 1, typically 1e-10 to 1e-40");
        Require(options.MaxAudioSeconds is > 0 and <= 600, nameof(options.MaxAudioSeconds), options.MaxAudioSeconds, "must be between 0 and 600 seconds");
        Require(options.Decoders is >= 1 and <= 16, nameof(options.Decoders), options.Decoders, "must be between 1 and 16");
        Require(options.MaxSites is >= 1 and <= 1000, nameof(options.MaxSites), options.MaxSites, "must be between 1 and 1000");
        Require(options.SiteQueueChunks >= 10, nameof(options.SiteQueueChunks), options.SiteQueueChunks, "must be at least 10");
        Require(options.WakeHoldMs is >= 0 and <= 30_000, nameof(options.WakeHoldMs), options.WakeHoldMs, "must be between 0 and 30000 ms");

        if (options.Vad is null)
        {
            failures.Add($"{SttOptions.Section}:Vad is required");
        }
        else
        {
            Collect(failures, () => options.Vad.Validate(), $"{SttOptions.Section}:Vad: ");
            Require(options.Vad.SampleRate == Audio.SpeechFormat.SampleRate, "Vad:SampleRate", options.Vad.SampleRate,
                $"must be {Audio.SpeechFormat.SampleRate}: site audio is 16 kHz");
        }

        Collect(failures, () => options.RecognizerModel().Validate(), $"{SttOptions.Section}: ");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Collect(List<string> failures, Action validate, string prefix)
    {
        try
        {
            validate();
        }
        catch (Exception e) when (e is ArgumentException or IOException)
        {
            failures.Add(prefix + e.Message);
        }
    }
}
