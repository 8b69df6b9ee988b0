namespace Alicia.Audio;

/// <summary>Loudness of a frame as RMS in dB relative to full scale.</summary>
internal static class FrameLevel
{
    /// <summary>Quietest level reported: digital silence would otherwise be minus infinity.</summary>
    public const double FloorDbfs = -100;

    private const double FullScaleSquared = 32768.0 * 32768.0;

    public static double Dbfs(ReadOnlySpan<short> frame)
    {
        long sumOfSquares = 0;
        foreach (short sample in frame)
        {
            sumOfSquares += sample * sample;
        }

        double meanSquare = (double)sumOfSquares / Math.Max(1, frame.Length) / FullScaleSquared;
        return meanSquare <= 1e-10 ? FloorDbfs : 10 * Math.Log10(meanSquare);
    }
}
