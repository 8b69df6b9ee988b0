using System.Globalization;

namespace Alicia.Speech;

/// <summary>
/// The phrase a <see cref="WakeWordSpotter"/> listens for and how eager it is. A larger threshold
/// (e.g. 1e-10) means fewer false alarms and more misses; a smaller one (e.g. 1e-30) the opposite.
/// </summary>
/// <param name="Keyphrase">Words to listen for, all of them in the dictionary or in <paramref name="Pronunciations"/>.</param>
/// <param name="Threshold">Detection threshold (pocketsphinx -kws_threshold).</param>
/// <param name="Pronunciations">
/// How words of the phrase are pronounced, overriding the dictionary (CMU phones). Keyword spotting uses only one
/// pronunciation per word, so it matters which one: null means <see cref="DefaultPronunciations"/>.
/// </param>
public sealed record WakeWordOptions(
    string Keyphrase = WakeWordOptions.DefaultKeyphrase,
    double Threshold = WakeWordOptions.DefaultThreshold,
    IReadOnlyDictionary<string, string>? Pronunciations = null)
{
    public const string DefaultKeyphrase = "hey alicia";
    /// <summary>
    /// Measured on espeak-ng voices (see this project's README): 1e-30 misses most synthetic phrases, 1e-45 starts
    /// firing on similar-sounding words. Raise it (e.g. 1e-25) for a noisy room with a human speaker if it fires too often.
    /// </summary>
    public const double DefaultThreshold = 1e-40;

    /// <summary>
    /// Debian's cmudict says "alicia" is AH L IH SH AH; "a-LEE-sha" (AH L IY SH AH) is how most people, and espeak-ng,
    /// say the name, and spotting with it finds the phrase far more often.
    /// </summary>
    public static IReadOnlyDictionary<string, string> DefaultPronunciations { get; } = new Dictionary<string, string>
    {
        ["alicia"] = "AH L IY SH AH",
    };

    public static WakeWordOptions Default { get; } = new();

    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Keyphrase))
        {
            throw new ArgumentException("A wake phrase is required.", nameof(Keyphrase));
        }

        if (!(Threshold > 0 && Threshold < 1))
        {
            throw new ArgumentOutOfRangeException(
                nameof(Threshold), Threshold.ToString(CultureInfo.InvariantCulture), "The threshold is a probability between 0 and 1, typically 1e-10 to 1e-40.");
        }
    }
}
