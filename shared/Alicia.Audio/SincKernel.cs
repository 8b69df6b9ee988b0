namespace Alicia.Audio;

/// <summary>
/// A polyphase table of Kaiser-windowed sinc low-pass filters for one rate pair: for each fractional
/// position between two input samples, the weights of the surrounding input samples.
/// </summary>
internal sealed class SincKernel
{
    // Zero crossings of the sinc on each side: longer means a steeper low-pass and more work per sample.
    private const int ZeroCrossings = 24;

    // Cut off a little below the lower Nyquist so the Kaiser transition band ends near it, not past it.
    private const double Rolloff = 0.9;

    // Kaiser beta 8 gives roughly 80 dB of stop-band attenuation.
    private const double KaiserBeta = 8.0;

    // Rate pairs whose reduced ratio needs more phases than this (unusual rates) use the nearest of
    // this many phases; the timing error (under 1/8192 sample) is far below 16-bit noise for speech.
    private const int MaxPhases = 4096;

    private SincKernel(int fromRate, int toRate)
    {
        int divisor = GreatestCommonDivisor(fromRate, toRate);
        Up = toRate / divisor;
        Down = fromRate / divisor;
        Exact = Up <= MaxPhases;
        Phases = Exact ? Up : MaxPhases;

        // Cut-off in cycles per input sample.
        double cutoff = 0.5 * Math.Min(1.0, (double)toRate / fromRate) * Rolloff;
        double halfWidth = ZeroCrossings / (2.0 * cutoff);
        Taps = 2 * (int)Math.Ceiling(halfWidth);
        Coefficients = new float[Phases * Taps];

        double windowHalf = Taps / 2.0;
        double besselBeta = BesselI0(KaiserBeta);
        for (int phase = 0; phase < Phases; phase++)
        {
            double fraction = (double)phase / Phases;
            var row = Coefficients.AsSpan(phase * Taps, Taps);
            double sum = 0;
            for (int k = 0; k < Taps; k++)
            {
                // Distance (in input samples) from the output instant to input sample k of the window.
                double distance = fraction + (Taps / 2) - 1 - k;
                double x = distance / windowHalf;
                double window = Math.Abs(x) >= 1 ? 0 : BesselI0(KaiserBeta * Math.Sqrt(1 - (x * x))) / besselBeta;
                double weight = 2 * cutoff * Sinc(2 * cutoff * distance) * window;
                row[k] = (float)weight;
                sum += weight;
            }

            // Unity gain at DC for every phase, so silence stays silent and levels do not ripple.
            for (int k = 0; k < Taps; k++)
            {
                row[k] = (float)(row[k] / sum);
            }
        }
    }

    /// <summary>Output samples per <see cref="Down"/> input samples (reduced ratio).</summary>
    public int Up { get; }

    public int Down { get; }

    /// <summary>True when every output instant falls exactly on a table phase.</summary>
    public bool Exact { get; }

    public int Phases { get; }

    public int Taps { get; }

    /// <summary>Phase-major: the weights for phase p are Coefficients[p * Taps .. (p + 1) * Taps).</summary>
    public float[] Coefficients { get; }

    public static SincKernel Create(int fromRate, int toRate) => new(fromRate, toRate);

    private static double Sinc(double x) => x == 0 ? 1.0 : Math.Sin(Math.PI * x) / (Math.PI * x);

    /// <summary>Modified Bessel function of the first kind, order 0 (power series).</summary>
    private static double BesselI0(double x)
    {
        double sum = 1;
        double term = 1;
        double quarterSquare = x * x / 4;
        for (int k = 1; k < 64; k++)
        {
            term *= quarterSquare / (k * k);
            sum += term;
            if (term < sum * 1e-17)
            {
                break;
            }
        }

        return sum;
    }

    private static int GreatestCommonDivisor(int a, int b)
    {
        while (b != 0)
        {
            (a, b) = (b, a % b);
        }

        return a;
    }
}
