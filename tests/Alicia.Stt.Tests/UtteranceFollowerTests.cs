using Alicia.Audio;
using Alicia.Speech;
using Alicia.Stt.Recognition;
using Alicia.Stt.Streaming;
using Alicia.Stt.Tests.Support;

namespace Alicia.Stt.Tests;

/// <summary>A site's utterance decoded while it is spoken: same words as decoding it after the VAD closed it, little left at the close.</summary>
public sealed class UtteranceFollowerTests
{
    private static readonly string[] Commands = ["turn off the bedroom light", "set a timer for ten minutes", "what time is it"];

    [Fact]
    public void Utterances_decoded_while_spoken_are_transcribed_with_little_left_at_the_close()
    {
        using var pool = NewPool();
        var transcriber = new UtteranceTranscriber(pool, 30);
        var stream = Voice.Join([.. Commands.SelectMany(c => new[] { Voice.Silence(700), Voice.Say(c, "en-gb") }), Voice.Silence(1000)]);

        var heard = Follow(transcriber, stream, VadOptions.Default);

        Assert.Equal(Commands.Length, heard.Count);
        foreach (var (streamed, audio) in heard)
        {
            Assert.NotNull(streamed);
            Assert.Equal(streamed.AudioDuration.TotalSeconds, audio.Duration.TotalSeconds, 3);
            Assert.True(streamed.FinishTime < streamed.DecodeTime / 2,
                $"'{streamed.Text}': {streamed.FinishTime.TotalMilliseconds:F1} of {streamed.DecodeTime.TotalMilliseconds:F1} ms after the close");
        }

        Assert.Equal(Commands, heard.Select(h => h.Streamed!.Text));
    }

    [Fact]
    public void Without_a_free_decoder_the_utterance_is_left_to_a_whole_decode()
    {
        using var pool = NewPool();
        var transcriber = new UtteranceTranscriber(pool, 30);
        using var busy = pool.TryStartUtterance();
        Assert.NotNull(busy);
        Assert.Null(pool.TryStartUtterance());

        var heard = Follow(transcriber, Voice.Join(Voice.Silence(500), Voice.Say("what time is it"), Voice.Silence(1000)), VadOptions.Default);

        var (streamed, audio) = Assert.Single(heard);
        Assert.Null(streamed);
        busy.Dispose();
        Assert.Equal("what time is it", transcriber.Transcribe(audio).Text);
    }

    [Fact]
    public void An_utterance_cut_at_the_maximum_length_is_decoded_as_cut_and_the_decoder_is_returned()
    {
        using var pool = NewPool();
        var transcriber = new UtteranceTranscriber(pool, 30);
        var vad = VadOptions.Default with { MaxUtteranceMs = 1500 };
        var stream = Voice.Join(Voice.Silence(500), Voice.Say("set a timer for one hour and ten minutes and twenty seconds", rateWpm: 150), Voice.Silence(1000));

        var heard = Follow(transcriber, stream, vad);

        // The first piece ends where the VAD cut it, and the decoder was fed exactly that much.
        Assert.True(heard.Count >= 2);
        Assert.All(heard, h => Assert.Equal(h.Audio.Duration.TotalSeconds, h.Streamed!.AudioDuration.TotalSeconds, 3));

        using var free = pool.TryStartUtterance();
        Assert.NotNull(free);
    }

    [Fact]
    public void A_decoders_first_utterance_is_left_to_a_whole_decode_and_the_next_one_is_streamed()
    {
        using var pool = NewPool(settled: false);
        var transcriber = new UtteranceTranscriber(pool, 30);
        var stream = Voice.Join(Voice.Silence(500), Voice.Say("turn off the kitchen light"), Voice.Silence(1000), Voice.Say("what time is it"), Voice.Silence(1000));

        var heard = Follow(transcriber, stream, VadOptions.Default);

        Assert.Equal(2, heard.Count);
        Assert.Null(heard[0].Streamed);
        Assert.Equal("turn off the kitchen light", transcriber.Transcribe(heard[0].Audio).Text);
        Assert.Equal("what time is it", heard[1].Streamed?.Text);
    }

    private static RecognizerPool NewPool(bool settled = true)
    {
        var options = Engines.Options();
        var pool = new RecognizerPool(options.RecognizerModel(options.EffectiveDictionary()), 1);
        var (jsgf, version) = DefaultGrammar.Build(options.IntentsDirectory, out _);
        pool.UseGrammar(jsgf, version);

        // The first streamed utterance of a decoder starts from the model's initial cepstral mean; one to settle it.
        if (settled)
        {
            using var settle = pool.TryStartUtterance()!;
            settle.Feed(Voice.Say("what time is it", "en-gb"));
            _ = settle.End();
        }

        return pool;
    }

    /// <summary>Drives a VAD and a follower the way a site's worker does; per utterance, the streamed transcript (or null) and the VAD's audio.</summary>
    private static List<(Transcript? Streamed, AudioClip Audio)> Follow(UtteranceTranscriber transcriber, short[] stream, VadOptions options)
    {
        var vad = new VoiceActivityDetector(options);
        using var follower = new UtteranceFollower(transcriber, options);
        var heard = new List<(Transcript?, AudioClip)>();
        for (var start = 0; start + vad.FrameSamples <= stream.Length; start += vad.FrameSamples)
        {
            var frame = stream.AsSpan(start, vad.FrameSamples);
            follower.Append(frame);
            switch (vad.Process(frame))
            {
                case SpeechStarted started:
                    follower.Started(started);
                    break;
                case UtteranceEnded ended:
                    try
                    {
                        heard.Add((follower.Finish(ended), ended.Audio));
                    }
                    catch (UnusableAudioException e)
                    {
                        // Nothing in the grammar matched: kept as a transcript of the reason, for comparison.
                        heard.Add((new Transcript($"({e.Reason})", 0, ended.Audio.Duration, TimeSpan.Zero), ended.Audio));
                    }

                    break;
                case UtteranceDiscarded:
                    follower.Cancel();
                    break;
            }
        }

        return heard;
    }
}
