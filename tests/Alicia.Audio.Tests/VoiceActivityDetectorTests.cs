namespace Alicia.Audio.Tests;

public sealed class VoiceActivityDetectorTests
{
    // Two frames of 20 ms: the detector decides per frame, so edges land on frame boundaries.
    private static readonly TimeSpan Tolerance = TimeSpan.FromMilliseconds(40);

    [Theory]
    [InlineData(10)]
    [InlineData(20)]
    [InlineData(30)]
    public void Silence_speech_silence_gives_exactly_one_utterance_with_the_right_edges(int frameMs)
    {
        var options = new VadOptions { FrameMs = frameMs };
        var signal = Signals.Concat(
            Signals.Noise(1.0, -65, seed: 1),
            Signals.SpeechLike(1.2, -20, seed: 2),
            Signals.Noise(1.5, -65, seed: 3));

        var events = VadRun.Events(signal, options);

        Assert.True(events.Count == 2, VadRun.Describe(events));
        var started = Assert.IsType<SpeechStarted>(events[0]);
        var ended = Assert.IsType<UtteranceEnded>(events[1]);
        TimeSpan tolerance = TimeSpan.FromMilliseconds(2 * frameMs);
        AssertNear(TimeSpan.FromSeconds(1.0), started.SpeechStart, tolerance);
        AssertNear(TimeSpan.FromSeconds(1.3), started.DecidedAt, tolerance);
        Assert.Equal(UtteranceEndReason.Silence, ended.Reason);
        Assert.Equal(started.SpeechStart, ended.SpeechStart);
        AssertNear(TimeSpan.FromSeconds(2.2), ended.SpeechEnd, tolerance);
        AssertNear(TimeSpan.FromSeconds(2.8), ended.DecidedAt, tolerance);
        Assert.Equal(ended.SpeechStart - TimeSpan.FromMilliseconds(300), ended.AudioStart);
        Assert.Equal(16000, ended.Audio.SampleRate);
        AssertNear(TimeSpan.FromSeconds(0.3 + 1.2 + 0.2), ended.Audio.Duration, tolerance);

        // The utterance is the stream's own audio, pre-roll included.
        int from = (int)(ended.AudioStart.TotalSeconds * 16000);
        Assert.Equal(signal[from..(from + ended.Audio.Samples.Length)], ended.Audio.Samples);
    }

    [Fact]
    public void A_tone_burst_in_digital_silence_is_one_utterance()
    {
        var signal = Signals.Concat(Signals.Silence(0.5), Signals.Sine(300, 0.8, 16000, amplitude: 0.1), Signals.Silence(1.0));

        var events = VadRun.Events(signal);

        Assert.True(events.Count == 2, VadRun.Describe(events));
        var ended = Assert.IsType<UtteranceEnded>(events[1]);
        AssertNear(TimeSpan.FromSeconds(0.5), ended.SpeechStart, Tolerance);
        AssertNear(TimeSpan.FromSeconds(1.3), ended.SpeechEnd, Tolerance);

        // Pre-roll cannot reach before the start of the stream.
        Assert.Equal(TimeSpan.FromSeconds(0.2), ended.AudioStart);
    }

    [Fact]
    public void Pauses_shorter_than_the_end_window_stay_inside_one_utterance()
    {
        var signal = Signals.Concat(
            Signals.Noise(0.5, -65, seed: 1),
            Signals.SpeechLike(0.6, -22, seed: 2),
            Signals.Noise(0.4, -65, seed: 3),
            Signals.SpeechLike(0.7, -22, seed: 4),
            Signals.Noise(1.0, -65, seed: 5));

        var events = VadRun.Events(signal);

        Assert.True(events.Count == 2, VadRun.Describe(events));
        var ended = Assert.IsType<UtteranceEnded>(events[1]);
        AssertNear(TimeSpan.FromSeconds(0.5), ended.SpeechStart, Tolerance);
        AssertNear(TimeSpan.FromSeconds(2.2), ended.SpeechEnd, Tolerance);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(700)]
    public void The_end_window_is_configurable(int silenceEndMs)
    {
        var signal = Signals.Concat(Signals.Noise(0.5, -65, seed: 1), Signals.SpeechLike(1.0, -20, seed: 2), Signals.Noise(1.5, -65, seed: 3));

        var events = VadRun.Events(signal, new VadOptions { SilenceEndMs = silenceEndMs });

        var ended = Assert.IsType<UtteranceEnded>(Assert.Single(events, e => e is UtteranceEnded));
        AssertNear(ended.SpeechEnd + TimeSpan.FromMilliseconds(silenceEndMs), ended.DecidedAt, TimeSpan.FromMilliseconds(20));
    }

    [Fact]
    public void Blips_too_short_to_start_speech_report_nothing()
    {
        var signal = Signals.Concat(
            Signals.Noise(0.5, -65, seed: 1),
            Signals.SpeechLike(0.15, -15, seed: 2),
            Signals.Noise(0.8, -65, seed: 3),
            Signals.SpeechLike(0.2, -15, seed: 4),
            Signals.Noise(0.8, -65, seed: 5));

        Assert.Empty(VadRun.Events(signal, flush: true));
    }

    [Fact]
    public void Clicks_separated_by_silence_do_not_add_up_to_speech()
    {
        var parts = new List<short[]> { Signals.Noise(0.5, -65, seed: 1) };
        for (int i = 0; i < 20; i++)
        {
            parts.Add(Signals.SpeechLike(0.02, -10, seed: 10 + i));
            parts.Add(Signals.Noise(0.18, -65, seed: 100 + i));
        }

        Assert.Empty(VadRun.Events(Signals.Concat([.. parts])));
    }

    [Fact]
    public void Speech_that_starts_but_stays_under_the_minimum_is_discarded_and_reported()
    {
        var signal = Signals.Concat(Signals.Noise(0.5, -65, seed: 1), Signals.SpeechLike(0.35, -18, seed: 2), Signals.Noise(1.0, -65, seed: 3));

        var events = VadRun.Events(signal, new VadOptions { MinUtteranceMs = 500 });

        Assert.True(events.Count == 2, VadRun.Describe(events));
        Assert.IsType<SpeechStarted>(events[0]);
        var discarded = Assert.IsType<UtteranceDiscarded>(events[1]);
        AssertNear(TimeSpan.FromSeconds(0.35), discarded.SpeechDuration, Tolerance);
        AssertNear(TimeSpan.FromSeconds(1.45), discarded.DecidedAt, Tolerance);
    }

    [Fact]
    public void Speech_longer_than_the_maximum_is_cut_at_the_maximum()
    {
        var options = new VadOptions { MaxUtteranceMs = 2000 };
        var signal = Signals.Concat(Signals.Noise(0.5, -65, seed: 1), Signals.SpeechLike(5.0, -20, seed: 2), Signals.Noise(1.0, -65, seed: 3));

        var events = VadRun.Events(signal, options);
        var utterances = events.OfType<UtteranceEnded>().ToList();

        Assert.True(utterances.Count >= 3, VadRun.Describe(events));
        Assert.Equal(UtteranceEndReason.MaxLength, utterances[0].Reason);
        Assert.Equal(32000, utterances[0].Audio.Samples.Length);
        AssertNear(TimeSpan.FromSeconds(0.2 + 2.0), utterances[0].DecidedAt, Tolerance);
        Assert.Equal(UtteranceEndReason.MaxLength, utterances[1].Reason);
        Assert.Equal(32000, utterances[1].Audio.Samples.Length);

        // The continuation picks up where the cut was, without repeating audio as pre-roll.
        Assert.Equal(utterances[0].AudioStart + utterances[0].Audio.Duration, utterances[1].AudioStart);
        Assert.Equal(UtteranceEndReason.Silence, utterances[^1].Reason);
        AssertNear(TimeSpan.FromSeconds(5.5), utterances[^1].SpeechEnd, Tolerance);
        Assert.All(utterances, u => Assert.True(u.Audio.Samples.Length <= 32000));
    }

    [Fact]
    public void Constant_background_noise_becomes_the_floor_and_never_triggers()
    {
        // Louder than the absolute speech gate (-55 dBFS), so only the adaptive floor keeps it out.
        var detector = new VoiceActivityDetector();
        var fan = Signals.Noise(10.0, -40, seed: 42);

        var events = VadRun.Events(detector, fan);

        Assert.Empty(events);
        Assert.InRange(detector.NoiseFloorDbfs, -42.0, -38.0);
    }

    [Fact]
    public void A_loud_room_is_accepted_from_the_first_frame_when_the_initial_floor_allows_it()
    {
        var detector = new VoiceActivityDetector(new VadOptions { MaxInitialNoiseFloorDbfs = -20 });
        var loudFan = Signals.Noise(5.0, -30, seed: 43);

        Assert.Empty(VadRun.Events(detector, loudFan));
        Assert.InRange(detector.NoiseFloorDbfs, -32.0, -28.0);
    }

    [Fact]
    public void Speech_over_background_noise_is_found_relative_to_the_floor()
    {
        var noise = Signals.Noise(5.0, -38, seed: 7);
        var speech = Signals.Concat(Signals.Silence(2.0), Signals.SpeechLike(1.0, -22, seed: 8), Signals.Silence(2.0));

        var events = VadRun.Events(Signals.Mix(speech, noise));

        Assert.True(events.Count == 2, VadRun.Describe(events));
        var ended = Assert.IsType<UtteranceEnded>(events[1]);
        AssertNear(TimeSpan.FromSeconds(2.0), ended.SpeechStart, Tolerance);
        AssertNear(TimeSpan.FromSeconds(3.0), ended.SpeechEnd, TimeSpan.FromMilliseconds(60));
    }

    [Fact]
    public void A_noise_that_switches_on_and_stays_is_learned_as_background()
    {
        var detector = new VoiceActivityDetector();
        VadRun.Events(detector, Signals.Noise(1.0, -70, seed: 1));

        // Whatever the first seconds of a new fan produce, it must go quiet and stay quiet.
        VadRun.Events(detector, Signals.Noise(20.0, -40, seed: 2));
        var later = VadRun.Events(detector, Signals.Noise(10.0, -40, seed: 3));

        Assert.Empty(later);
        Assert.False(detector.IsSpeaking);
    }

    [Fact]
    public void Audio_that_starts_with_speech_is_still_detected()
    {
        var signal = Signals.Concat(Signals.SpeechLike(1.0, -20, seed: 1), Signals.Noise(1.0, -65, seed: 2));

        var events = VadRun.Events(signal);

        var ended = Assert.IsType<UtteranceEnded>(Assert.Single(events, e => e is UtteranceEnded));
        Assert.Equal(TimeSpan.Zero, ended.SpeechStart);
        AssertNear(TimeSpan.FromSeconds(1.0), ended.SpeechEnd, Tolerance);
    }

    [Fact]
    public void Flush_hands_out_speech_still_going_when_the_stream_ends()
    {
        var signal = Signals.Concat(Signals.Noise(0.5, -65, seed: 1), Signals.SpeechLike(1.0, -20, seed: 2));

        var events = VadRun.Events(signal, flush: true);

        var ended = Assert.IsType<UtteranceEnded>(events[^1]);
        Assert.Equal(UtteranceEndReason.EndOfStream, ended.Reason);
        AssertNear(TimeSpan.FromSeconds(1.5), ended.DecidedAt, Tolerance);
    }

    [Fact]
    public void Byte_chunks_of_any_size_give_the_same_events_as_whole_frames()
    {
        var signal = Signals.Concat(Signals.Noise(0.7, -65, seed: 1), Signals.SpeechLike(1.1, -20, seed: 2), Signals.Noise(1.2, -65, seed: 3));
        var bytes = Pcm.ToBytes(signal);
        var detector = new VoiceActivityDetector();
        var events = new List<VadEvent>();
        var random = new Random(3);

        for (int offset = 0; offset < bytes.Length;)
        {
            int size = Math.Min(random.Next(1, 2000), bytes.Length - offset);
            detector.ProcessChunk(bytes.AsSpan(offset, size), events);
            offset += size;
        }

        var expected = VadRun.Events(signal);
        Assert.Equal(expected.Count, events.Count);
        Assert.Equal(expected[0], events[0]);
        var want = Assert.IsType<UtteranceEnded>(expected[1]);
        var got = Assert.IsType<UtteranceEnded>(events[1]);
        Assert.Equal(want.Audio.Samples, got.Audio.Samples);
        Assert.Equal(want, got with { Audio = want.Audio });
    }

    [Fact]
    public void Detectors_for_different_sites_do_not_share_state()
    {
        var speech = Signals.Concat(Signals.Noise(0.5, -65, seed: 1), Signals.SpeechLike(1.0, -20, seed: 2), Signals.Noise(1.0, -65, seed: 3));
        var quiet = Signals.Noise(2.5, -65, seed: 4);
        var kitchen = new VoiceActivityDetector();
        var bedroom = new VoiceActivityDetector();
        var kitchenEvents = new List<VadEvent>();
        var bedroomEvents = new List<VadEvent>();

        for (int at = 0; at + 320 <= speech.Length; at += 320)
        {
            kitchen.ProcessChunk(speech.AsSpan(at, 320), kitchenEvents);
            bedroom.ProcessChunk(quiet.AsSpan(at, 320), bedroomEvents);
        }

        Assert.Equal(2, kitchenEvents.Count);
        Assert.Empty(bedroomEvents);
        Assert.False(bedroom.IsSpeaking);
    }

    [Fact]
    public void Reset_starts_a_new_stream()
    {
        var detector = new VoiceActivityDetector();
        VadRun.Events(detector, Signals.Concat(Signals.Noise(0.5, -65, seed: 1), Signals.SpeechLike(0.5, -20, seed: 2)));
        Assert.True(detector.IsSpeaking);

        detector.Reset();

        Assert.False(detector.IsSpeaking);
        Assert.Equal(TimeSpan.Zero, detector.Position);
    }

    [Fact]
    public void A_frame_of_the_wrong_size_is_rejected()
    {
        var detector = new VoiceActivityDetector(new VadOptions { FrameMs = 30 });

        var error = Assert.Throws<ArgumentException>(() => detector.Process(new short[320]));

        Assert.Contains("480 samples", error.Message, StringComparison.Ordinal);
    }

    private static void AssertNear(TimeSpan expected, TimeSpan actual, TimeSpan tolerance) =>
        Assert.True(
            (actual - expected).Duration() <= tolerance,
            $"expected {expected.TotalMilliseconds} ms +/- {tolerance.TotalMilliseconds}, got {actual.TotalMilliseconds} ms");
}
