using System.Globalization;
using Alicia.Speech;
using Microsoft.Extensions.Options;

namespace Alicia.Tts;

/// <summary>Refuses settings espeak-ng cannot use, naming the setting and the rule.</summary>
public sealed class TtsOptionsValidator : IValidateOptions<TtsOptions>
{
    public ValidateOptionsResult Validate(string? name, TtsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        void Require(bool condition, string setting, object? value, string rule)
        {
            if (!condition)
            {
                failures.Add($"{TtsOptions.Section}:{setting} {rule} (got {Convert.ToString(value, CultureInfo.InvariantCulture)})");
            }
        }

        Require(!string.IsNullOrWhiteSpace(options.DefaultVoice), nameof(options.DefaultVoice), options.DefaultVoice, "must name an espeak-ng voice such as \"en-us\"");
        Require(options.DefaultRateWpm is >= SpeechOptions.MinRateWpm and <= SpeechOptions.MaxRateWpm, nameof(options.DefaultRateWpm), options.DefaultRateWpm,
            $"must be {SpeechOptions.MinRateWpm}..{SpeechOptions.MaxRateWpm} words per minute");
        Require(options.DefaultVolume is >= 0 and <= SpeechOptions.MaxVolume, nameof(options.DefaultVolume), options.DefaultVolume, $"must be 0..{SpeechOptions.MaxVolume}");
        Require(options.MaxTextLength is >= 1 and <= 100_000, nameof(options.MaxTextLength), options.MaxTextLength, "must be 1..100000 characters");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
