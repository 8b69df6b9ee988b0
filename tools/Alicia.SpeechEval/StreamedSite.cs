using System.Buffers;
using System.Collections.Concurrent;
using Alicia.Audio;
using Alicia.Contracts;
using Alicia.Speech;
using Alicia.Stt;
using Alicia.Stt.Recognition;
using Alicia.Stt.Streaming;
using Microsoft.Extensions.Logging.Abstractions;

namespace Alicia.SpeechEval;

/// <summary>
/// One microphone site of the STT service without a bus: each sentence is streamed in 20 ms chunks inside its own
/// listening session, cut by the service's VAD and transcribed by the service's streaming path (decoded while it is
/// spoken, unless switched off), and the result is taken from the event sink the service would publish from. Background
/// noise, when asked for, is mixed into the whole stream, the quiet around the sentence included.
/// </summary>
internal sealed class StreamedSite : ISiteEventSink, IAsyncDisposable
{
    private const string Site = "eval";
    private const int ChunkMs = 20;
    private const int LeadingSilenceMs = 300;
    private const int TrailingSilenceMs = 1000;

    private readonly SiteAudioRouter _router;
    private readonly ConcurrentDictionary<string, TaskCompletionSource<StreamedResult>> _waiting = new(StringComparer.Ordinal);
    private int _sessions;

    private readonly BackgroundNoise? _noise;

    public StreamedSite(UtteranceTranscriber transcriber, SttOptions options, BackgroundNoise? noise)
    {
        _noise = noise;
        var dictionary = options.EffectiveDictionary();
        var settings = new ListeningSettings(options.WakeWord(), options.SpotterModel(dictionary), options.Vad, options.WakeHoldMs, options.DecodeWhileSpeaking);
        _router = new SiteAudioRouter(transcriber, this, settings, 1, 1_000_000, NullLoggerFactory.Instance);
    }

    /// <summary>Streams one utterance (with quiet before and after it) and waits for what the site reports.</summary>
    public StreamedResult Transcribe(short[] speech16k)
    {
        var session = "eval-" + Interlocked.Increment(ref _sessions);
        var result = new TaskCompletionSource<StreamedResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        _waiting[session] = result;
        _router.SessionStarted(Site, session, "voice");
        var stream = new short[SpeechFormat.SamplesPerFrame(LeadingSilenceMs) + speech16k.Length + SpeechFormat.SamplesPerFrame(TrailingSilenceMs)];
        speech16k.CopyTo(stream, SpeechFormat.SamplesPerFrame(LeadingSilenceMs));
        stream = _noise?.MixInto(stream) ?? stream;
        var chunk = SpeechFormat.SamplesPerFrame(ChunkMs);
        for (var start = 0; start < stream.Length; start += chunk)
        {
            var bytes = Pcm.ToBytes(stream.AsSpan(start, Math.Min(chunk, stream.Length - start)));
            _router.Receive(Topics.Audio.Frame(Site), new ReadOnlySequence<byte>(bytes));
        }

        var outcome = result.Task.Wait(TimeSpan.FromSeconds(10))
            ? result.Task.Result
            : new StreamedResult(string.Empty, "no_utterance", TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, 0);
        _waiting.TryRemove(session, out _);
        _router.SessionEnded(Site, session);
        return outcome;
    }

    public Task WakeDetectedAsync(string site, string phrase, double detectedAt, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task TranscribedAsync(string site, string sessionId, Transcript transcript, double speechEndedAt, double closedAt, CancellationToken cancellationToken)
    {
        var afterClose = (DateTimeOffset.UtcNow - DateTimeOffset.UnixEpoch).TotalSeconds - closedAt;
        Report(sessionId, new StreamedResult(transcript.Text, null, transcript.DecodeTime, transcript.DecodeCpuTime, transcript.FinishTime, afterClose * 1000));
        return Task.CompletedTask;
    }

    public Task FailedAsync(string site, string sessionId, string reason, string detail, CancellationToken cancellationToken)
    {
        Report(sessionId, new StreamedResult(string.Empty, reason, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, 0));
        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync() => _router.DisposeAsync();

    // Only the first utterance of a session counts; a second one would be the VAD splitting the sentence.
    private void Report(string sessionId, StreamedResult result)
    {
        if (_waiting.TryGetValue(sessionId, out var waiting))
        {
            waiting.TrySetResult(result);
        }
    }
}
