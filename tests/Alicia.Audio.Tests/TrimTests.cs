namespace Alicia.Audio.Tests;

public sealed class TrimTests
{
    [Fact]
    public void Leading_and_trailing_silence_is_cut_keeping_the_padding()
    {
        var speech = Signals.SpeechLike(1.0, -20, seed: 2);
        var clip = new AudioClip(Signals.Concat(Signals.Noise(1.2, -65, seed: 1), speech, Signals.Noise(2.0, -65, seed: 3)), 16000);

        var trimmed = VoiceActivityDetector.Trim(clip);

        // 300 ms before, the speech, 200 ms after (default pre-roll and trailing padding).
        Assert.InRange(trimmed.Duration.TotalSeconds, 1.46, 1.54);
        int start = Array.IndexOf(trimmed.Samples, speech[0]);
        Assert.InRange(start, 4400, 5200);
        Assert.Equal(speech, trimmed.Samples[start..(start + speech.Length)]);
    }

    [Fact]
    public void Trim_works_at_the_clip_own_sample_rate()
    {
        var clip = new AudioClip(Signals.Concat(Signals.Silence(0.5, 44100), Signals.Sine(440, 0.5, 44100, 0.2), Signals.Silence(0.5, 44100)), 44100);

        var trimmed = VoiceActivityDetector.Trim(clip, new VadOptions { PreRollMs = 0, TrailingMs = 0 });

        Assert.Equal(44100, trimmed.SampleRate);
        Assert.InRange(trimmed.Duration.TotalSeconds, 0.48, 0.52);
    }

    [Fact]
    public void A_clip_without_speech_trims_to_nothing()
    {
        var clip = new AudioClip(Signals.Noise(2.0, -70, seed: 5), 16000);

        var trimmed = VoiceActivityDetector.Trim(clip);

        Assert.Empty(trimmed.Samples);
        Assert.Equal(16000, trimmed.SampleRate);
    }

    [Fact]
    public void A_clip_that_is_all_speech_is_kept()
    {
        var clip = new AudioClip(Signals.SpeechLike(1.0, -20, seed: 5), 16000);

        Assert.Equal(clip.Samples.Length, VoiceActivityDetector.Trim(clip).Samples.Length);
    }
}
