namespace Alicia.Audio.Tests;

/// <summary>The whole chain on real synthesized speech: espeak-ng WAV -> read -> 16 kHz -> VAD. Skipped quietly without espeak-ng.</summary>
public sealed class RealSpeechTests
{
    [Fact]
    public void A_spoken_command_between_silences_is_exactly_one_utterance()
    {
        var wav = ExternalTools.Run("espeak-ng", "--stdout", "turn on the kitchen light");
        if (wav is null)
        {
            return;
        }

        var spoken = Resampler.ToSpeechFormat(Wav.Read(wav));
        var voiced = VoiceActivityDetector.Trim(spoken, new VadOptions { PreRollMs = 0, TrailingMs = 0 });
        var room = Signals.Noise(1.5 + spoken.Duration.TotalSeconds + 1.5, -62, seed: 9);
        var signal = Signals.Mix(Signals.Concat(Signals.Silence(1.5), spoken.Samples, Signals.Silence(1.5)), room);

        var events = VadRun.Events(signal, flush: true);

        Assert.True(events.Count == 2, VadRun.Describe(events));
        var ended = Assert.IsType<UtteranceEnded>(events[1]);
        Assert.Equal(UtteranceEndReason.Silence, ended.Reason);

        // Where the words are, according to a whole-clip trim of the clean recording.
        int firstVoiced = Array.FindIndex(spoken.Samples, s => Math.Abs((int)s) > 300);
        double speechStart = 1.5 + ((double)firstVoiced / 16000);
        Assert.InRange(ended.SpeechStart.TotalSeconds, speechStart - 0.06, speechStart + 0.1);
        Assert.InRange(ended.SpeechDuration.TotalSeconds, voiced.Duration.TotalSeconds - 0.25, voiced.Duration.TotalSeconds + 0.1);
        Assert.True(ended.Audio.Duration >= voiced.Duration, $"utterance {ended.Audio.Duration} shorter than the speech {voiced.Duration}");
    }

    [Fact]
    public void Two_commands_a_second_apart_are_two_utterances()
    {
        var first = ExternalTools.Run("espeak-ng", "--stdout", "what time is it");
        var second = ExternalTools.Run("espeak-ng", "--stdout", "good night");
        if (first is null || second is null)
        {
            return;
        }

        var signal = Signals.Concat(
            Signals.Silence(1.0),
            Resampler.ToSpeechFormat(Wav.Read(first)).Samples,
            Signals.Silence(1.2),
            Resampler.ToSpeechFormat(Wav.Read(second)).Samples,
            Signals.Silence(1.0));

        var events = VadRun.Events(signal, flush: true);

        Assert.Equal(2, events.OfType<UtteranceEnded>().Count());
        Assert.Empty(events.OfType<UtteranceDiscarded>());
    }
}
