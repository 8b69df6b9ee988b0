using Alicia.Speech;

namespace Alicia.Tts;

/// <summary>Settings of the text-to-speech service (configuration section <c>Services:tts</c>).</summary>
public sealed class TtsOptions
{
    public const string Section = "Services:tts";

    /// <summary>espeak-ng voice used when a request names none, e.g. "en-us", "en-gb" or "en+f3".</summary>
    public string DefaultVoice { get; set; } = "en-us";

    /// <summary>Words per minute when a request gives no rate.</summary>
    public int DefaultRateWpm { get; set; } = 175;

    /// <summary>Volume when a request gives none (100 is normal, at most 200).</summary>
    public int DefaultVolume { get; set; } = 100;

    /// <summary>Longest text one request may ask for; longer text is refused, not cut.</summary>
    public int MaxTextLength { get; set; } = EspeakSynthesizer.DefaultMaxTextLength;

    public TtsOptions Clone() => new()
    {
        DefaultVoice = DefaultVoice,
        DefaultRateWpm = DefaultRateWpm,
        DefaultVolume = DefaultVolume,
        MaxTextLength = MaxTextLength,
    };
}
