namespace Alicia.Speech.Tests;

/// <summary>Conditioning audio in pieces hands the decoder exactly what conditioning it whole does.</summary>
public sealed class UtteranceConditionerTests
{
    public static TheoryData<int, int, int> Cases => new()
    {
        // quiet before, loud samples, quiet after (samples at 16 kHz), for each piece size below
        { 4000, 8000, 6000 },
        { 0, 5000, 0 },
        { 3000, 0, 0 },
        { 7, 1601, 13 },
        { 800, 300, 2000 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Pieces_of_any_size_give_the_whole_utterance_result(int quietBefore, int loud, int quietAfter)
    {
        var random = new Random(quietBefore + loud + quietAfter);
        var audio = new short[quietBefore + loud + quietAfter];
        for (var i = 0; i < audio.Length; i++)
        {
            // Speech-like level in the middle with a short gap, a few LSB of hiss around it.
            var inside = i >= quietBefore && i < quietBefore + loud && (i - quietBefore) % 2000 > 150;
            audio[i] = (short)(inside ? random.Next(-6000, 6000) : random.Next(-3, 4));
        }

        foreach (var conditioning in new[] { AudioConditioning.Default, AudioConditioning.None, new AudioConditioning(PaddingMs: 30, NoiseAmplitude: 5) })
        {
            var whole = UtteranceConditioner.Apply(audio, 16000, conditioning);
            foreach (var piece in new[] { 1, 160, 333, 4096 })
            {
                var streamed = new List<short>();
                var conditioner = new UtteranceConditioner(16000, conditioning, chunk => streamed.AddRange(chunk));
                for (var start = 0; start < audio.Length; start += piece)
                {
                    conditioner.Push(audio.AsSpan(start, Math.Min(piece, audio.Length - start)));
                }

                conditioner.Finish();
                Assert.Equal(whole, streamed.ToArray());
                Assert.Equal(whole.Length, conditioner.Emitted);
            }
        }
    }

    [Fact]
    public void Quiet_edges_are_trimmed_to_50_ms_before_the_speech_and_10_ms_after_it()
    {
        var audio = new short[16000];
        audio.AsSpan(6080, 4000).Fill(5000);

        var conditioned = UtteranceConditioner.Apply(audio, 16000, AudioConditioning.Default);

        Assert.Equal(800 + 4000 + 160, conditioned.Length);
        Assert.All(conditioned[..800], s => Assert.InRange(s, (short)-2, (short)2)); // the lead-in is the quiet (and its dither)
        Assert.All(conditioned[800..4800], s => Assert.InRange(s, (short)4998, (short)5002));
        Assert.All(conditioned[4800..], s => Assert.InRange(s, (short)-2, (short)2));
    }

    [Fact]
    public void Background_noise_around_the_speech_is_trimmed_like_silence()
    {
        // Hiss at about -47 dBFS RMS (uniform in +-250), louder than the -50 dBFS silence level, and speech above it.
        var random = new Random(7);
        var audio = new short[16000];
        for (var i = 0; i < audio.Length; i++)
        {
            audio[i] = (short)(random.Next(-250, 251) + (i is >= 6080 and < 10080 ? 5000 : 0));
        }

        var conditioned = UtteranceConditioner.Apply(audio, 16000, AudioConditioning.Default with { NoiseAmplitude = 0 });

        Assert.Equal(800 + 4000 + 160, conditioned.Length);
        Assert.Equal(audio[(6080 - 800)..(10080 + 160)], conditioned);
    }

    [Fact]
    public void Audio_that_starts_in_speech_keeps_its_soft_ending()
    {
        // No quiet frame before the speech, and the speech fades to about -42 dBFS before the silence: without a quiet
        // frame heard first, nothing counts as background, and the soft ending stays.
        var audio = new short[12000];
        audio.AsSpan(0, 4000).Fill(5000);
        audio.AsSpan(4000, 1600).Fill(260);

        var conditioned = UtteranceConditioner.Apply(audio, 16000, AudioConditioning.Default with { NoiseAmplitude = 0 });

        Assert.Equal(audio[..(5600 + 160)], conditioned);
    }
}
