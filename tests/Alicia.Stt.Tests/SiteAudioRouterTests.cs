using System.Buffers;
using Alicia.Contracts;
using Alicia.Stt.Streaming;
using Alicia.Stt.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace Alicia.Stt.Tests;

/// <summary>Sites without a bus: real spotter, VAD and decoder, results collected.</summary>
public sealed class SiteAudioRouterTests
{
    [Fact]
    public async Task A_command_said_right_after_the_wake_phrase_is_kept_for_the_session_that_follows()
    {
        var sink = new CollectingSink();
        await using var router = new SiteAudioRouter(Engines.Transcriber, sink, Engines.Listening(), 4, 1000, NullLoggerFactory.Instance);
        Stream(router, "den", Voice.Join(Voice.Silence(300), Voice.Say("hey alicia"), Voice.Silence(300), Voice.Say("turn off the bedroom light"), Voice.Silence(1000)));
        await sink.WaitForAsync(e => e.Contains("den: wake 'hey alicia'"));

        // The router opens the session only now, after all the audio has arrived.
        router.SessionStarted("den", "s1", "voice");
        await sink.WaitForAsync(e => e.Any(x => x.StartsWith("den/s1:", StringComparison.Ordinal)));
        Assert.Equal(["den: wake 'hey alicia'", "den/s1: 'turn off the bedroom light'"], sink.Events);
    }

    [Fact]
    public async Task After_the_session_ends_the_site_listens_for_the_wake_phrase_again()
    {
        var sink = new CollectingSink();
        await using var router = new SiteAudioRouter(Engines.Transcriber, sink, Engines.Listening(), 4, 1000, NullLoggerFactory.Instance);
        router.SessionStarted("loft", "s2", "voice");
        Stream(router, "loft", Voice.Join(Voice.Silence(300), Voice.Say("what time is it"), Voice.Silence(1000)));
        await sink.WaitForAsync(e => e.Contains("loft/s2: 'what time is it'"));

        router.SessionEnded("loft", "s2");
        Stream(router, "loft", Voice.Join(Voice.Silence(300), Voice.Say("hey alicia"), Voice.Silence(800)));
        await sink.WaitForAsync(e => e.Contains("loft: wake 'hey alicia'"));
        Assert.Equal(["loft/s2: 'what time is it'", "loft: wake 'hey alicia'"], sink.Events);
    }

    [Fact]
    public async Task A_brisk_one_word_command_is_long_enough_to_be_transcribed()
    {
        var sink = new CollectingSink();
        await using var router = new SiteAudioRouter(Engines.Transcriber, sink, Engines.Listening(), 4, 1000, NullLoggerFactory.Instance);
        router.SessionStarted("hall", "s3", "voice");

        // About 300 ms of voiced sound: the VAD's own defaults threw it away as too short to be speech.
        Stream(router, "hall", Voice.Join(Voice.Silence(300), Voice.Say("stop", "en-gb", 200), Voice.Silence(1000)));

        // What it is heard as depends on the decoder's running cepstral mean (this voice's "stop" is often "help");
        // the point is that it reaches the decoder at all.
        await sink.WaitForAsync(e => e.Any(x => x.StartsWith("hall/s3:", StringComparison.Ordinal)));
        Assert.StartsWith("hall/s3: '", Assert.Single(sink.Events), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sites_beyond_the_limit_are_refused_and_counted()
    {
        var sink = new CollectingSink();
        await using var router = new SiteAudioRouter(Engines.Transcriber, sink, Engines.Listening(), 1, 1000, NullLoggerFactory.Instance);
        Stream(router, "one", Voice.Silence(200));
        Stream(router, "two", Voice.Silence(200));
        Assert.Equal(["one"], router.Sites);
        Assert.Equal(2, router.DroppedChunks);
    }

    [Theory]
    [InlineData("alicia/voice/audio/kitchen/frame", "kitchen")]
    [InlineData("alicia/voice/audio/kitchen/other", null)]
    [InlineData("alicia/voice/audio//frame", null)]
    [InlineData("alicia/voice/stt/request", null)]
    public void The_site_comes_from_the_frame_topic(string topic, string? site) =>
        Assert.Equal(site, SiteAudioRouter.SiteOfFrameTopic(topic));

    private static void Stream(SiteAudioRouter router, string site, short[] samples)
    {
        foreach (var chunk in Voice.Chunks(samples))
        {
            router.Receive(Topics.Audio.Frame(site), new ReadOnlySequence<byte>(chunk));
        }
    }
}
