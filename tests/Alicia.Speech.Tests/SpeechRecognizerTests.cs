using Alicia.Audio;

namespace Alicia.Speech.Tests;

[Collection(SharedSpeechEngines.Name)]
public sealed class SpeechRecognizerTests(SpeechEngines engines)
{
    private const string LightsGrammar = """
        #JSGF V1.0;
        grammar lights;
        public <lights> = (turn | switch) (on | off) [the] (kitchen light | bedroom light);
        """;

    private const string MusicGrammar = """
        #JSGF V1.0;
        grammar music;
        public <music> = (play | pause | stop) [the] music | what time is it;
        """;

    public static TheoryData<string> RecordedUtterances =>
        new(Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Audio"), "*.wav").Select(Path.GetFileName).OfType<string>());

    [Theory]
    [MemberData(nameof(RecordedUtterances))]
    public void Recorded_utterances_are_recognized(string fileName)
    {
        var clip = Wav.Read(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Audio", fileName)));

        var transcript = engines.Recognizer.Recognize(clip);

        // File names are "<voice>_<rate>_<words separated by dashes>.wav".
        var expected = Path.GetFileNameWithoutExtension(fileName).Split('_')[2].Replace('-', ' ');
        Assert.Equal(expected, transcript.Text);
        Assert.Equal(clip.Duration.TotalSeconds, transcript.AudioDuration.TotalSeconds, 2);
        Assert.True(transcript.DecodeTime > TimeSpan.Zero);
        Assert.InRange(transcript.Confidence, 0.0, 1.0);
    }

    [Fact]
    public void The_committed_audio_set_is_small_and_complete()
    {
        var files = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Audio"), "*.wav");

        Assert.Equal(6, files.Length);
        Assert.True(files.Sum(f => new FileInfo(f).Length) < 500_000);
        Assert.All(files, f => Assert.Equal(SpeechFormat.SampleRate, Wav.Read(File.ReadAllBytes(f)).SampleRate));
    }

    [Fact]
    public void Audio_at_another_sample_rate_is_resampled()
    {
        var clip = engines.Synthesizer.Synthesize("what time is it", SpeechOptions.Default);
        Assert.Equal(22050, clip.SampleRate);

        Assert.Equal("what time is it", engines.Recognizer.Recognize(clip).Text);
    }

    [Fact]
    public void Switching_grammar_at_run_time_changes_what_is_recognized()
    {
        using var recognizer = new SpeechRecognizer();
        var music = engines.Speak("stop the music");
        var light = engines.Speak("turn off the bedroom light");

        recognizer.UseGrammar(LightsGrammar);
        var lightUnderLights = recognizer.Recognize(light).Text;
        var musicUnderLights = recognizer.Recognize(music).Text;
        recognizer.UseGrammar(MusicGrammar);
        var musicUnderMusic = recognizer.Recognize(music).Text;
        var lightUnderMusic = recognizer.Recognize(light).Text;

        Assert.Equal("turn off the bedroom light", lightUnderLights);
        Assert.NotEqual("stop the music", musicUnderLights);
        Assert.Equal("stop the music", musicUnderMusic);
        Assert.NotEqual("turn off the bedroom light", lightUnderMusic);
        Assert.Equal(MusicGrammar, recognizer.Grammar);
    }

    [Theory]
    [InlineData("#JSGF V1.0;\ngrammar broken;\npublic <a> = (turn on;\n")]
    [InlineData("#JSGF V1.0;\ngrammar broken;\npublic <a> = turn on <undefined>;\n")]
    [InlineData("#JSGF V1.0;\ngrammar private;\n<a> = turn on;\n")]
    [InlineData("this is not a grammar")]
    [InlineData("   ")]
    public void A_bad_grammar_is_rejected_and_the_previous_one_kept(string badGrammar)
    {
        using var recognizer = new SpeechRecognizer();
        recognizer.UseGrammar(LightsGrammar);
        var light = engines.Speak("switch on the kitchen light");

        Assert.Throws<InvalidGrammarException>(() => recognizer.UseGrammar(badGrammar));

        Assert.Equal(LightsGrammar, recognizer.Grammar);
        Assert.Equal("switch on the kitchen light", recognizer.Recognize(light).Text);
    }

    [Fact]
    public void A_grammar_with_unknown_words_names_them()
    {
        using var recognizer = new SpeechRecognizer();

        var error = Assert.Throws<InvalidGrammarException>(() =>
            recognizer.UseGrammar("#JSGF V1.0;\ngrammar g;\npublic <a> = turn on the zorblax | frobnicate;\n"));

        Assert.Equal(["zorblax", "frobnicate"], error.MissingWords);
        Assert.Contains("zorblax", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Added_words_can_be_used_in_a_grammar()
    {
        using var recognizer = new SpeechRecognizer();
        Assert.False(recognizer.IsInDictionary("zorblax"));

        recognizer.AddWord("zorblax", "Z AO R B L AE K S");
        recognizer.UseGrammar("#JSGF V1.0;\ngrammar g;\npublic <a> = turn on the zorblax | what time is it;\n");

        Assert.True(recognizer.IsInDictionary("zorblax"));
        Assert.Equal("what time is it", recognizer.Recognize(engines.Speak("what time is it")).Text);
    }

    [Fact]
    public void Extra_pronunciations_from_the_options_are_known()
    {
        using var recognizer = new SpeechRecognizer(new SpeechModelOptions
        {
            ExtraPronunciations = new Dictionary<string, string> { ["zorblax"] = "Z AO R B L AE K S" },
        });

        Assert.True(recognizer.IsInDictionary("zorblax"));
    }

    [Fact]
    public void Extra_pronunciations_of_known_words_are_added_as_alternatives_instead_of_failing()
    {
        // "kitchen" as the stock dictionary already says it, "light" differently.
        const string kitchen = "K IH CH AH N";
        using var recognizer = new SpeechRecognizer(new SpeechModelOptions
        {
            ExtraPronunciations = new Dictionary<string, string> { ["kitchen"] = kitchen, ["light"] = "L AY T IY", ["zorblax"] = "Z AO R B L AE K S" },
        });
        recognizer.AddWord("light", "L AY T IY");
        recognizer.AddWord("zorblax", "Z AO R B L AE K S");
        recognizer.UseGrammar(LightsGrammar);

        Assert.False(recognizer.IsInDictionary("kitchen(2)"));
        Assert.True(recognizer.IsInDictionary("light(2)"));
        Assert.False(recognizer.IsInDictionary("light(3)"));
        Assert.False(recognizer.IsInDictionary("zorblax(2)"));
        Assert.Equal("turn on the kitchen light", recognizer.Recognize(engines.Speak("turn on the kitchen light")).Text);
    }

    [Fact]
    public void A_pronunciation_with_unknown_phones_is_rejected()
    {
        using var recognizer = new SpeechRecognizer();

        Assert.ThrowsAny<ArgumentException>(() => recognizer.AddWord("zorblax", "QQ XX"));
    }

    [Theory]
    [InlineData("alicia", true)]
    [InlineData("kitchen", true)]
    [InlineData("zorblaxian", false)]
    public void IsInDictionary_reports_dictionary_words(string word, bool expected)
    {
        Assert.Equal(expected, engines.Recognizer.IsInDictionary(word));
    }

    [Fact]
    public void Recognizing_before_a_grammar_is_set_is_an_error()
    {
        using var recognizer = new SpeechRecognizer();

        var error = Assert.Throws<InvalidOperationException>(() => recognizer.Recognize(new short[16000]));
        Assert.Contains("UseGrammar", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Silence_gives_an_empty_transcript_not_an_error()
    {
        var transcript = engines.Recognizer.Recognize(new short[16000]);

        Assert.Equal(1.0, transcript.AudioDuration.TotalSeconds, 3);
        Assert.Equal(0.0, transcript.Confidence);
        Assert.True(transcript.IsEmpty);
    }

    [Fact]
    public void Every_public_rule_of_a_grammar_is_an_entry_point()
    {
        // The sample grammar has seven public rules; pocketsphinx on its own would decode only one of them.
        Assert.Equal("what time is it", engines.Recognizer.Recognize(engines.Speak("what time is it")).Text);
        Assert.Equal("stop the music", engines.Recognizer.Recognize(engines.Speak("stop the music")).Text);
        Assert.Equal("turn on the kitchen light", engines.Recognizer.Recognize(engines.Speak("turn on the kitchen light")).Text);
    }

    [Fact]
    public async Task Concurrent_recognitions_on_one_instance_are_serialized()
    {
        var sentences = new[] { "what time is it", "stop the music", "cancel the timer" };
        var audio = sentences.Select(s => engines.Speak(s)).ToArray();

        var results = await Task.WhenAll(Enumerable.Range(0, 12).Select(i =>
            Task.Run(() => (Index: i % 3, engines.Recognizer.Recognize(audio[i % 3]).Text))));

        Assert.All(results, r => Assert.Equal(sentences[r.Index], r.Text));
    }

    [Fact]
    public void A_disposed_recognizer_refuses_work()
    {
        var recognizer = new SpeechRecognizer();
        recognizer.Dispose();
        recognizer.Dispose();

        Assert.Throws<ObjectDisposedException>(() => recognizer.Recognize(new short[100]));
        Assert.Throws<ObjectDisposedException>(() => recognizer.UseGrammar(LightsGrammar));
    }
}
