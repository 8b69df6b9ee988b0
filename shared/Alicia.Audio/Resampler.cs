using System.Collections.Concurrent;
using System.Numerics;

namespace Alicia.Audio;

/// <summary>Sample-rate conversion with a windowed-sinc (Kaiser) polyphase filter.</summary>
/// <remarks>
/// When converting down, the filter cuts off just below the new Nyquist frequency, so content that
/// cannot be represented is removed instead of folding back as aliases. Filter tables are built once
/// per rate pair and shared (they are immutable), so converting many utterances costs only the filtering.
/// </remarks>
public static class Resampler
{
    private static readonly ConcurrentDictionary<(int From, int To), SincKernel> Kernels = new();

    public static short[] Resample(ReadOnlySpan<short> samples, int fromRate, int toRate)
    {
        if (fromRate <= 0)
        {
            throw new ArgumentException($"source sample rate must be positive (got {fromRate})", nameof(fromRate));
        }

        if (toRate <= 0)
        {
            throw new ArgumentException($"target sample rate must be positive (got {toRate})", nameof(toRate));
        }

        if (fromRate == toRate || samples.IsEmpty)
        {
            return samples.ToArray();
        }

        var kernel = Kernels.GetOrAdd((fromRate, toRate), static key => SincKernel.Create(key.From, key.To));
        return Filter(samples, kernel, fromRate, toRate);
    }

    /// <summary>The clip at <see cref="SpeechFormat.SampleRate"/>; the same instance when it already is.</summary>
    public static AudioClip ToSpeechFormat(AudioClip clip)
    {
        ArgumentNullException.ThrowIfNull(clip);
        return clip.SampleRate == SpeechFormat.SampleRate
            ? clip
            : new AudioClip(Resample(clip.Samples, clip.SampleRate, SpeechFormat.SampleRate), SpeechFormat.SampleRate);
    }

    private static short[] Filter(ReadOnlySpan<short> samples, SincKernel kernel, int fromRate, int toRate)
    {
        int taps = kernel.Taps;
        int lead = (taps / 2) - 1;

        // Zero padding on both sides lets the inner loop run without edge checks.
        var input = new float[samples.Length + (2 * taps)];
        for (int i = 0; i < samples.Length; i++)
        {
            input[taps + i] = samples[i];
        }

        // Output instant n sits at n * from / to input samples; keep every one strictly inside the input.
        long outputLength = (((long)samples.Length * kernel.Up) + kernel.Down - 1) / kernel.Down;
        var output = new short[outputLength];
        var coefficients = kernel.Coefficients;

        for (long n = 0; n < outputLength; n++)
        {
            long index;
            int phase;
            if (kernel.Exact)
            {
                long position = n * kernel.Down;
                index = position / kernel.Up;
                phase = (int)(position % kernel.Up);
            }
            else
            {
                double position = (double)n * fromRate / toRate;
                index = (long)position;
                phase = (int)Math.Round((position - index) * kernel.Phases);
                if (phase == kernel.Phases)
                {
                    phase = 0;
                    index++;
                }
            }

            float value = Dot(
                input.AsSpan((int)(taps + index - lead), taps),
                coefficients.AsSpan(phase * taps, taps));
            output[n] = (short)Math.Clamp(MathF.Round(value), short.MinValue, short.MaxValue);
        }

        return output;
    }

    private static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        int i = 0;
        float sum = 0;
        if (Vector.IsHardwareAccelerated && a.Length >= Vector<float>.Count)
        {
            var accumulator = Vector<float>.Zero;
            for (; i <= a.Length - Vector<float>.Count; i += Vector<float>.Count)
            {
                accumulator += new Vector<float>(a[i..]) * new Vector<float>(b[i..]);
            }

            sum = Vector.Sum(accumulator);
        }

        for (; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }
}
