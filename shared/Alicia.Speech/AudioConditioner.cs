namespace Alicia.Speech;

/// <summary>Applies an <see cref="AudioConditioning"/> to one utterance.</summary>
internal static class AudioConditioner
{
    private const int FrameMs = 10;

    /// <summary>Kept on each side of the detected speech so soft word edges (fricatives, plosive releases) survive trimming.</summary>
    private const int TrimMarginMs = 50;

    public static short[] Apply(ReadOnlySpan<short> pcm, int sampleRate, AudioConditioning conditioning)
    {
        var speech = conditioning.TrimSilence ? TrimEdges(pcm, sampleRate, conditioning.SilenceDbfs) : pcm;
        var padding = sampleRate * conditioning.PaddingMs / 1000;
        var output = new short[speech.Length + (2 * padding)];
        speech.CopyTo(output.AsSpan(padding));
        // A fresh generator per utterance, so the same audio always decodes the same way.
        new NoiseSource(conditioning.NoiseAmplitude).AddInPlace(output);

        return output;
    }

    private static ReadOnlySpan<short> TrimEdges(ReadOnlySpan<short> pcm, int sampleRate, double silenceDbfs)
    {
        var frame = Math.Max(1, sampleRate * FrameMs / 1000);
        var threshold = 32768.0 * Math.Pow(10, silenceDbfs / 20);
        var thresholdEnergy = threshold * threshold * frame;
        var frames = (pcm.Length + frame - 1) / frame;
        var first = -1;
        var last = -1;
        for (var f = 0; f < frames; f++)
        {
            var start = f * frame;
            var span = pcm.Slice(start, Math.Min(frame, pcm.Length - start));
            double energy = 0;
            foreach (var s in span)
            {
                energy += (double)s * s;
            }

            if (energy * frame / span.Length > thresholdEnergy)
            {
                if (first < 0)
                {
                    first = f;
                }

                last = f;
            }
        }

        if (first < 0)
        {
            // Nothing above the silence level: keep the audio, let the decoder decide.
            return pcm;
        }

        var margin = sampleRate * TrimMarginMs / 1000;
        var from = Math.Max(0, (first * frame) - margin);
        var to = Math.Min(pcm.Length, ((last + 1) * frame) + margin);
        return pcm[from..to];
    }
}
