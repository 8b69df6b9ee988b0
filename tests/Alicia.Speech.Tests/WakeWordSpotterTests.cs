namespace Alicia.Speech.Tests;

[Collection(SharedSpeechEngines.Name)]
public sealed class WakeWordSpotterTests(SpeechEngines engines)
{
    /// <summary>20 ms at 16 kHz: the size of a satellite's microphone frame.</summary>
    private const int FrameSamples = 320;

    [Theory]
    [InlineData("en-gb")]
    [InlineData("en+f3")]
    public void The_phrase_is_detected_once_in_a_stream_with_speech_around_it(string voice)
    {
        using var spotter = new WakeWordSpotter();
        var before = engines.Speak("the weather today is sunny and warm with a light breeze", voice);
        var phrase = engines.Speak("hey alicia", voice);
        var after = engines.Speak("turn on the kitchen light please", voice);
        short[] stream = [.. before, .. Silence(1.0), .. phrase, .. after, .. Silence(1.0)];

        var detections = Feed(spotter, stream);

        var detection = Assert.Single(detections);
        // Detection comes when the phrase has been heard: after its start and before the following command ends.
        Assert.InRange(detection, before.Length + Silence(1.0).Length + (phrase.Length / 2), stream.Length - Silence(1.0).Length);
    }

    [Theory]
    [InlineData("en-us")]
    [InlineData("en-gb")]
    [InlineData("en+f3")]
    public void Speech_without_the_phrase_does_not_wake(string voice)
    {
        using var spotter = new WakeWordSpotter();
        short[] stream =
        [
            .. engines.Speak("turn on the kitchen light", voice), .. Silence(0.5),
            .. engines.Speak("set a timer for five minutes", voice), .. Silence(0.5),
            .. engines.Speak("what is the weather like today", voice), .. Silence(0.5),
            .. engines.Speak("please play some music in the living room", voice),
        ];

        Assert.Empty(Feed(spotter, stream));
    }

    [Fact]
    public void The_spotter_keeps_listening_after_a_detection()
    {
        using var spotter = new WakeWordSpotter();
        var phrase = engines.Speak("hey alicia", "en+f3");
        short[] stream = [.. Silence(0.5), .. phrase, .. Silence(1.0), .. phrase, .. Silence(1.0)];

        Assert.Equal(2, Feed(spotter, stream).Count);
    }

    [Fact]
    public void Reset_forgets_a_half_heard_phrase()
    {
        using var spotter = new WakeWordSpotter();
        var phrase = engines.Speak("hey alicia", "en+f3");
        var half = phrase.Length / 2;

        var first = Feed(spotter, [.. Silence(0.5), .. phrase[..half]]);
        spotter.Reset();
        var second = Feed(spotter, [.. phrase[half..], .. Silence(1.0)]);

        Assert.Empty(first);
        Assert.Empty(second);
    }

    [Fact]
    public void A_long_quiet_spell_does_not_dull_the_spotter()
    {
        using var spotter = new WakeWordSpotter();
        var phrase = engines.Speak("hey alicia", "en+f3");

        // A periodic utterance restart once made the spotter deaf after long quiet; the stream is one utterance now.
        var detections = Feed(spotter, [.. Silence(35), .. phrase, .. Silence(1.0)]);

        Assert.Single(detections);
    }

    [Fact]
    public void A_phrase_with_an_unknown_word_is_rejected_with_the_word_named()
    {
        var error = Assert.Throws<ArgumentException>(() => new WakeWordSpotter(new WakeWordOptions("hey zorblaxian")));

        Assert.Contains("zorblaxian", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_word_with_a_pronunciation_is_accepted()
    {
        using var spotter = new WakeWordSpotter(new WakeWordOptions(
            "hey zorblax", Pronunciations: new Dictionary<string, string> { ["zorblax"] = "Z AO R B L AE K S" }));

        Assert.Equal("hey zorblax", spotter.Keyphrase);
        Assert.False(spotter.Process(new short[FrameSamples]));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void An_empty_phrase_is_rejected(string phrase)
    {
        Assert.Throws<ArgumentException>(() => new WakeWordSpotter(new WakeWordOptions(phrase)));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void A_threshold_outside_0_to_1_is_rejected(double threshold)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new WakeWordSpotter(new WakeWordOptions(Threshold: threshold)));
    }

    [Fact]
    public void The_phrase_is_normalized()
    {
        using var spotter = new WakeWordSpotter(new WakeWordOptions("  Hey   ALICIA "));

        Assert.Equal("hey alicia", spotter.Keyphrase);
    }

    /// <summary>Feeds the stream in microphone-sized frames and returns the sample positions where the spotter fired.</summary>
    private static List<int> Feed(WakeWordSpotter spotter, short[] stream)
    {
        var detections = new List<int>();
        for (var offset = 0; offset < stream.Length; offset += FrameSamples)
        {
            var frame = stream.AsSpan(offset, Math.Min(FrameSamples, stream.Length - offset));
            if (spotter.Process(frame))
            {
                detections.Add(offset + frame.Length);
            }
        }

        return detections;
    }

    private static short[] Silence(double seconds) => new short[(int)(seconds * 16000)];
}
