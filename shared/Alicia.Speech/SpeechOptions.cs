namespace Alicia.Speech;

/// <summary>
/// How espeak-ng should speak: voice name (a language such as "en-us", optionally with a variant such as "en+f3"),
/// rate in words per minute, volume (100 is normal) and pitch (50 is normal).
/// </summary>
public sealed record SpeechOptions(string Voice = "en-us", int RateWpm = 175, int Volume = 100, int Pitch = 50)
{
    public const int MinRateWpm = 80;
    public const int MaxRateWpm = 450;
    public const int MaxVolume = 200;
    public const int MaxPitch = 100;

    public static SpeechOptions Default { get; } = new();

    /// <summary>Throws an ArgumentException naming the first setting espeak-ng cannot use.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Voice))
        {
            throw new ArgumentException("A voice name is required, e.g. \"en-us\".", nameof(Voice));
        }

        if (RateWpm is < MinRateWpm or > MaxRateWpm)
        {
            throw new ArgumentOutOfRangeException(nameof(RateWpm), RateWpm, $"Rate must be {MinRateWpm}..{MaxRateWpm} words per minute.");
        }

        if (Volume is < 0 or > MaxVolume)
        {
            throw new ArgumentOutOfRangeException(nameof(Volume), Volume, $"Volume must be 0..{MaxVolume} (100 is normal).");
        }

        if (Pitch is < 0 or > MaxPitch)
        {
            throw new ArgumentOutOfRangeException(nameof(Pitch), Pitch, $"Pitch must be 0..{MaxPitch} (50 is normal).");
        }
    }
}
