namespace Alicia.Audio.Tests;

public sealed class ResamplerTests
{
    [Theory]
    [InlineData(44100)]
    [InlineData(22050)]
    [InlineData(48000)]
    [InlineData(8000)]
    [InlineData(11025)]
    [InlineData(44101)] // no small common divisor with 16000: takes the nearest-phase path
    public void A_440_Hz_tone_keeps_its_pitch_level_and_duration(int fromRate)
    {
        var tone = Signals.Sine(440, 1.0, fromRate, amplitude: 0.5);

        var resampled = Resampler.Resample(tone, fromRate, SpeechFormat.SampleRate);

        int expectedLength = (int)Math.Ceiling(tone.Length * 16000.0 / fromRate);
        Assert.Equal(expectedLength, resampled.Length);
        Assert.InRange(Signals.ZeroCrossingFrequency(resampled, 16000), 439.0, 441.0);
        double levelChange = Signals.RmsDbfs(resampled.AsSpan(1600, 12800)) - Signals.RmsDbfs(tone.AsSpan(tone.Length / 10, tone.Length * 8 / 10));
        Assert.InRange(levelChange, -0.1, 0.1);
    }

    [Theory]
    [InlineData(44100, 9000)]
    [InlineData(44100, 12000)]
    [InlineData(48000, 8500)]
    [InlineData(22050, 10000)]
    public void A_tone_above_the_new_Nyquist_frequency_is_removed_instead_of_aliased(int fromRate, double frequency)
    {
        var tone = Signals.Sine(frequency, 0.5, fromRate, amplitude: 0.5);

        var resampled = Resampler.Resample(tone, fromRate, SpeechFormat.SampleRate);

        // The input is about -9 dBFS; an alias would come out near that level.
        double level = Signals.RmsDbfs(resampled.AsSpan(800, resampled.Length - 1600));
        Assert.True(level < -65, $"{frequency} Hz came through at {level:F1} dBFS");
    }

    [Fact]
    public void A_tone_in_the_speech_band_passes_unchanged_in_level()
    {
        var tone = Signals.Sine(3000, 0.5, 44100, amplitude: 0.5);

        var resampled = Resampler.Resample(tone, 44100, SpeechFormat.SampleRate);

        double levelChange = Signals.RmsDbfs(resampled.AsSpan(800, resampled.Length - 1600)) - Signals.RmsDbfs(tone.AsSpan(2205, tone.Length - 4410));
        Assert.InRange(levelChange, -0.2, 0.2);
        Assert.InRange(Signals.ZeroCrossingFrequency(resampled, 16000), 2995.0, 3005.0);
    }

    [Fact]
    public void A_constant_level_stays_constant()
    {
        var constant = Enumerable.Repeat((short)1000, 4410).ToArray();

        var resampled = Resampler.Resample(constant, 44100, 16000);

        Assert.All(resampled[100..^100], s => Assert.Equal(1000, s));
    }

    [Fact]
    public void Full_scale_input_does_not_wrap_around()
    {
        var square = Enumerable.Range(0, 4800).Select(i => i / 60 % 2 == 0 ? short.MaxValue : short.MinValue).ToArray();

        var resampled = Resampler.Resample(square, 48000, 16000);

        // Ringing overshoots full scale; it must saturate, never flip sign.
        for (int i = 40; i < resampled.Length - 40; i++)
        {
            int period = i * 3 % 120;
            if (period is > 10 and < 50)
            {
                Assert.True(resampled[i] > 0, $"sample {i} is {resampled[i]}");
            }
        }
    }

    [Fact]
    public void Same_rate_and_empty_input_are_copied()
    {
        short[] samples = [1, 2, 3];

        var same = Resampler.Resample(samples, 16000, 16000);

        Assert.Equal(samples, same);
        Assert.NotSame(samples, same);
        Assert.Empty(Resampler.Resample([], 44100, 16000));
    }

    [Fact]
    public void ToSpeechFormat_converts_to_16_kHz_and_keeps_16_kHz_clips_as_they_are()
    {
        var clip = new AudioClip(Signals.Sine(440, 0.5, 22050), 22050);
        var speech = new AudioClip(new short[160], SpeechFormat.SampleRate);

        var converted = Resampler.ToSpeechFormat(clip);

        Assert.Equal(16000, converted.SampleRate);
        Assert.Equal(8000, converted.Samples.Length);
        Assert.Same(speech, Resampler.ToSpeechFormat(speech));
    }

    [Theory]
    [InlineData(0, 16000)]
    [InlineData(16000, 0)]
    [InlineData(-44100, 16000)]
    public void Nonpositive_rates_are_rejected(int from, int to)
    {
        var error = Assert.Throws<ArgumentException>(() => Resampler.Resample(new short[10], from, to));

        Assert.Contains("sample rate must be positive", error.Message, StringComparison.Ordinal);
    }
}
