namespace Alicia.Speech.Tests;

[Collection(SharedSpeechEngines.Name)]
public sealed class EspeakSynthesizerTests(SpeechEngines engines)
{
    private readonly EspeakSynthesizer _synthesizer = engines.Synthesizer;

    [Fact]
    public void Synthesize_returns_22050_hz_audio_of_plausible_duration()
    {
        var clip = _synthesizer.Synthesize("turn on the kitchen light", SpeechOptions.Default);

        Assert.Equal(22050, _synthesizer.SampleRate);
        Assert.Equal(22050, clip.SampleRate);
        // Five words at 175 words per minute take about 1.7 s; espeak-ng is a little faster and adds a short tail.
        Assert.InRange(clip.Duration.TotalSeconds, 0.8, 3.0);
        Assert.True(Rms(clip.Samples) > 500, "the audio should not be silent");
    }

    [Fact]
    public void A_faster_rate_gives_shorter_audio()
    {
        const string text = "set the brightness of the living room lamp to fifty percent";

        var slow = _synthesizer.Synthesize(text, new SpeechOptions(RateWpm: 120));
        var fast = _synthesizer.Synthesize(text, new SpeechOptions(RateWpm: 300));

        Assert.True(fast.Duration < slow.Duration * 0.7, $"fast {fast.Duration} vs slow {slow.Duration}");
    }

    [Theory]
    [InlineData("en-us")]
    [InlineData("en-gb")]
    [InlineData("en+f3")]
    [InlineData("en-us+m7")]
    [InlineData("en-gb+f3")]
    public void Known_voices_and_variants_speak(string voice)
    {
        var clip = _synthesizer.Synthesize("hello there", new SpeechOptions(voice));

        Assert.True(clip.Duration > TimeSpan.FromSeconds(0.3));
    }

    [Fact]
    public void A_female_variant_sounds_higher_than_the_default_voice()
    {
        var male = _synthesizer.Synthesize("how are you today", new SpeechOptions("en-gb"));
        var female = _synthesizer.Synthesize("how are you today", new SpeechOptions("en-gb+f3"));

        // Zero crossings per second rise with pitch: proof the variant was applied, not silently ignored.
        Assert.True(ZeroCrossingRate(female.Samples) > ZeroCrossingRate(male.Samples) * 1.15);
    }

    [Fact]
    public void Long_text_is_spoken_in_full_across_chunks()
    {
        var sentence = "The kitchen light is on and the bedroom light is off. ";
        var text = string.Concat(Enumerable.Repeat(sentence, 20));
        Assert.True(text.Length > EspeakSynthesizer.ChunkLength * 2);

        var one = _synthesizer.Synthesize(sentence.Trim(), SpeechOptions.Default);
        var all = _synthesizer.Synthesize(text, SpeechOptions.Default);

        Assert.InRange(all.Duration / one.Duration, 17.0, 23.0);
    }

    [Fact]
    public async Task Parallel_calls_are_serialized_and_each_gets_its_own_audio()
    {
        (string Text, string Voice)[] requests =
        [
            ("turn on the kitchen light", "en-us"),
            ("what time is it", "en-gb"),
            ("set a timer for ten minutes", "en+f3"),
            ("stop the music", "en-us+m7"),
        ];
        var sequential = requests.Select(r => _synthesizer.Synthesize(r.Text, new SpeechOptions(r.Voice)).Duration).ToArray();

        var parallel = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => Task.Run(() =>
        {
            var (text, voice) = requests[i % requests.Length];
            return (Index: i % requests.Length, Clip: _synthesizer.Synthesize(text, new SpeechOptions(voice)));
        })));

        foreach (var (index, clip) in parallel)
        {
            // Interleaved calls into the library would mix voices and audio of other requests into this one. The
            // margin allows for espeak-ng itself: the same text comes out up to 6 % longer or shorter depending on
            // the text spoken before it ("what time is it": 18,322 to 19,401 samples after four different sentences).
            Assert.InRange(clip.Duration / sequential[index], 0.9, 1.1);
            Assert.Equal(requests[index].Text, engines.Recognizer.Recognize(clip).Text);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\t ")]
    public void Empty_text_is_rejected(string text)
    {
        var error = Assert.Throws<ArgumentException>(() => _synthesizer.Synthesize(text, SpeechOptions.Default));
        Assert.Contains("no text", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Text_over_the_limit_is_rejected_with_the_limit_in_the_message()
    {
        using var limited = new EspeakSynthesizer(maxTextLength: 100);

        var error = Assert.Throws<ArgumentException>(() => limited.Synthesize(new string('a', 101), SpeechOptions.Default));

        Assert.Contains("100", error.Message, StringComparison.Ordinal);
        Assert.True(limited.Synthesize(new string('a', 5) + " b", SpeechOptions.Default).Samples.Length > 0);
    }

    [Theory]
    [InlineData("xx-nonexistent")]
    [InlineData("en-us+no-such-variant")]
    [InlineData(" ")]
    [InlineData("en-zz")]
    [InlineData("fr-xx")]
    [InlineData("en-")]
    [InlineData("english")]
    public void Unknown_voices_are_rejected(string voice)
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => _synthesizer.Synthesize("hello", new SpeechOptions(voice)));
        Assert.Contains("voice", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("en-us")]
    [InlineData("EN-US")]
    [InlineData("en-gb")]
    [InlineData("en")]
    [InlineData("fr")]
    [InlineData("gmw/en-US")]
    [InlineData("en+f3")]
    [InlineData("en-us+m7")]
    public void Voices_by_file_language_or_variant_are_spoken(string voice) =>
        Assert.True(_synthesizer.Synthesize("hello", new SpeechOptions(voice)).Duration > TimeSpan.FromSeconds(0.2));

    [Fact]
    public void After_an_unknown_voice_the_engine_still_speaks()
    {
        Assert.ThrowsAny<ArgumentException>(() => _synthesizer.Synthesize("hello", new SpeechOptions("xx-nonexistent")));

        Assert.True(_synthesizer.Synthesize("hello", new SpeechOptions("en-us")).Duration > TimeSpan.FromSeconds(0.2));
    }

    [Theory]
    [InlineData(79, 100, 50)]
    [InlineData(451, 100, 50)]
    [InlineData(175, -1, 50)]
    [InlineData(175, 201, 50)]
    [InlineData(175, 100, 101)]
    public void Out_of_range_settings_are_rejected(int rate, int volume, int pitch)
    {
        Assert.Throws<ArgumentOutOfRangeException>(
            () => _synthesizer.Synthesize("hello", new SpeechOptions("en-us", rate, volume, pitch)));
    }

    [Fact]
    public void A_disposed_synthesizer_refuses_work_while_others_keep_working()
    {
        var disposed = new EspeakSynthesizer();
        disposed.Dispose();

        Assert.Throws<ObjectDisposedException>(() => disposed.Synthesize("hello", SpeechOptions.Default));
        Assert.True(_synthesizer.Synthesize("hello", SpeechOptions.Default).Samples.Length > 0);
    }

    private static double Rms(short[] samples) => Math.Sqrt(samples.Average(s => (double)s * s));

    private static double ZeroCrossingRate(short[] samples)
    {
        var crossings = 0;
        for (var i = 1; i < samples.Length; i++)
        {
            if ((samples[i - 1] < 0) != (samples[i] < 0))
            {
                crossings++;
            }
        }

        return (double)crossings / samples.Length;
    }
}
