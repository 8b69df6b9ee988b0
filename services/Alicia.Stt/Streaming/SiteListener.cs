using System.Threading.Channels;
using Alicia.Audio;
using Alicia.Speech;
using Alicia.Stt.Recognition;
using Microsoft.Extensions.Logging;

namespace Alicia.Stt.Streaming;

/// <summary>
/// One site's microphone stream. Outside a session the audio goes to the site's wake word spotter; while the
/// voice router has a listening session open, the VAD cuts utterances from it and each is transcribed.
/// Everything happens on the site's own worker, so the receive path only queues bytes.
/// </summary>
internal sealed class SiteListener : IAsyncDisposable
{
    private readonly Channel<SiteInput> _inputs = Channel.CreateUnbounded<SiteInput>(new UnboundedChannelOptions { SingleReader = true });
    private readonly UtteranceTranscriber _transcriber;
    private readonly ISiteEventSink _sink;
    private readonly ILogger _logger;
    private readonly int _maxQueuedChunks;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Queue<short[]> _held = new();
    private readonly List<VadEvent> _vadEvents = [];
    private readonly Task _worker;

    private ListeningSettings _settings;
    private WakeWordSpotter? _spotter;
    private bool _spotterFailed;
    private VoiceActivityDetector _vad;
    private AudioFramer _framer;
    private UtteranceFollower _follower;
    private string? _sessionId;
    private bool _holding;
    private int _heldSamples;
    private int _queuedChunks;
    private long _droppedChunks;

    public SiteListener(string site, ListeningSettings settings, UtteranceTranscriber transcriber, ISiteEventSink sink, int maxQueuedChunks, ILogger logger)
    {
        Site = site;
        _settings = settings;
        _transcriber = transcriber;
        _sink = sink;
        _maxQueuedChunks = maxQueuedChunks;
        _logger = logger;
        _vad = new VoiceActivityDetector(settings.Vad);
        _framer = new AudioFramer(_vad.FrameSamples);
        _follower = new UtteranceFollower(transcriber, settings.Vad, settings.DecodeWhileSpeaking);
        _worker = Task.Run(() => RunAsync(_stopping.Token));
    }

    public string Site { get; }

    /// <summary>Audio chunks dropped because the site's queue was full.</summary>
    public long DroppedChunks => Interlocked.Read(ref _droppedChunks);

    /// <summary>Queues microphone bytes; false (and counted) when the site is too far behind.</summary>
    public bool TryEnqueueAudio(byte[] bytes)
    {
        if (Interlocked.Increment(ref _queuedChunks) > _maxQueuedChunks)
        {
            Interlocked.Decrement(ref _queuedChunks);
            Interlocked.Increment(ref _droppedChunks);
            return false;
        }

        return _inputs.Writer.TryWrite(new SiteInput.Audio(bytes));
    }

    public void Post(SiteInput input) => _inputs.Writer.TryWrite(input);

    public async ValueTask DisposeAsync()
    {
        _inputs.Writer.TryComplete();
        await _stopping.CancelAsync();
        try
        {
            await _worker;
        }
        catch (OperationCanceledException)
        {
        }

        _spotter?.Dispose();
        _follower.Dispose();
        _stopping.Dispose();
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        var pending = new List<Func<CancellationToken, Task>>();
        await foreach (var input in _inputs.Reader.ReadAllAsync(cancellationToken))
        {
            try
            {
                Handle(input, pending, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                _logger.LogError(e, "Site {Site}: could not handle {Input}", Site, input.GetType().Name);
            }

            foreach (var publish in pending)
            {
                try
                {
                    await publish(cancellationToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    _logger.LogWarning("Site {Site}: could not publish a result: {Error}", Site, e.Message);
                }
            }

            pending.Clear();
        }
    }

    private void Handle(SiteInput input, List<Func<CancellationToken, Task>> pending, CancellationToken cancellationToken)
    {
        switch (input)
        {
            case SiteInput.Audio audio:
                Interlocked.Decrement(ref _queuedChunks);
                _framer.Append(audio.Bytes);
                while (_framer.TryReadFrame(out var frame))
                {
                    HandleFrame(frame, pending, cancellationToken);
                }

                break;
            case SiteInput.SessionOpened opened:
                OpenSession(opened, pending, cancellationToken);
                break;
            case SiteInput.SessionClosed closed when closed.SessionId == _sessionId:
                _logger.LogDebug("Site {Site}: session {Session} closed, listening for the wake word", Site, _sessionId);
                BackToWakeWord();
                break;
            case SiteInput.Reconfigured reconfigured:
                Reconfigure(reconfigured.Settings);
                break;
        }
    }

    private void HandleFrame(ReadOnlySpan<short> frame, List<Func<CancellationToken, Task>> pending, CancellationToken cancellationToken)
    {
        if (_sessionId is not null)
        {
            Listen(frame, pending, cancellationToken);
            return;
        }

        if (_holding)
        {
            Hold(frame);
        }

        var spotter = Spotter();
        if (spotter is not null && spotter.Process(frame))
        {
            var at = Now();
            var phrase = spotter.Keyphrase;
            _logger.LogInformation("Site {Site}: wake phrase '{Phrase}' heard", Site, phrase);
            pending.Add(ct => _sink.WakeDetectedAsync(Site, phrase, at, ct));

            // What follows the phrase is probably the command: keep it for the session the router will open.
            _held.Clear();
            _heldSamples = 0;
            _holding = _settings.WakeHoldMs > 0;
        }
    }

    private void OpenSession(SiteInput.SessionOpened opened, List<Func<CancellationToken, Task>> pending, CancellationToken cancellationToken)
    {
        if (string.Equals(opened.Mode, SessionModes.Text, StringComparison.OrdinalIgnoreCase))
        {
            // A typed conversation: the microphone keeps listening for the wake word only.
            if (_sessionId is not null)
            {
                BackToWakeWord();
            }

            return;
        }

        _logger.LogDebug("Site {Site}: session {Session} opened, listening for a command", Site, opened.SessionId);
        _sessionId = opened.SessionId;
        _vad.Reset();
        _follower.Reset();
        var held = _held.ToArray();
        _held.Clear();
        _heldSamples = 0;
        _holding = false;
        foreach (var frame in held)
        {
            Listen(frame, pending, cancellationToken);
        }
    }

    private void Listen(ReadOnlySpan<short> frame, List<Func<CancellationToken, Task>> pending, CancellationToken cancellationToken)
    {
        var sessionId = _sessionId!;
        _follower.Append(frame);
        switch (_vad.Process(frame))
        {
            case SpeechStarted started:
                _follower.Started(started);
                break;
            case UtteranceEnded ended:
                Transcribe(sessionId, ended, pending, cancellationToken);
                break;
            case UtteranceDiscarded discarded:
                _follower.Cancel();
                _logger.LogDebug("Site {Site}: ignored {Ms:F0} ms of sound (too short for speech)", Site, discarded.SpeechDuration.TotalMilliseconds);
                break;
        }
    }

    private void Transcribe(string sessionId, UtteranceEnded ended, List<Func<CancellationToken, Task>> pending, CancellationToken cancellationToken)
    {
        var closedAt = Now();
        var speechEndedAt = closedAt - (ended.DecidedAt - ended.SpeechEnd).TotalSeconds;
        try
        {
            // Decoded while it was spoken when a decoder was free at its start; otherwise as a whole, now.
            var transcript = _follower.Finish(ended) ?? _transcriber.Transcribe(ended.Audio, cancellationToken);
            _logger.LogInformation("Site {Site}: heard '{Text}' ({Confidence:F2}, {FinishMs:F1} ms after the end) in session {Session}",
                Site, transcript.Text, transcript.Confidence, transcript.FinishTime.TotalMilliseconds, sessionId);
            pending.Add(ct => _sink.TranscribedAsync(Site, sessionId, transcript, speechEndedAt, closedAt, ct));
        }
        catch (UnusableAudioException e)
        {
            _logger.LogInformation("Site {Site}: utterance of session {Session} not transcribed ({Reason}): {Detail}", Site, sessionId, e.Reason, e.Message);
            pending.Add(ct => _sink.FailedAsync(Site, sessionId, e.Reason, e.Message, ct));
        }
    }

    private void Hold(ReadOnlySpan<short> frame)
    {
        _held.Enqueue(frame.ToArray());
        _heldSamples += frame.Length;
        if (_heldSamples > (long)_settings.WakeHoldMs * _settings.Vad.SampleRate / 1000)
        {
            // No session came in time: the router is away or decided against it.
            _held.Clear();
            _heldSamples = 0;
            _holding = false;
        }
    }

    private void BackToWakeWord()
    {
        _sessionId = null;
        _vad.Reset();
        _follower.Reset();
        _held.Clear();
        _heldSamples = 0;
        _holding = false;

        // Forget what was said during the session, so its end cannot complete a phrase that began inside it.
        _spotter?.Reset();
    }

    private void Reconfigure(ListeningSettings settings)
    {
        if (settings.WakeWord != _settings.WakeWord || !ReferenceEquals(settings.SpotterModel, _settings.SpotterModel))
        {
            _spotter?.Dispose();
            _spotter = null;
            _spotterFailed = false;
        }

        if (settings.Vad != _settings.Vad || settings.DecodeWhileSpeaking != _settings.DecodeWhileSpeaking)
        {
            // The follower counts samples as the VAD does, from the VAD's start, so the two are replaced together.
            _vad = new VoiceActivityDetector(settings.Vad);
            _framer = new AudioFramer(_vad.FrameSamples);
            _follower.Dispose();
            _follower = new UtteranceFollower(_transcriber, settings.Vad, settings.DecodeWhileSpeaking);
        }

        _settings = settings;
    }

    /// <summary>The spotter, created on first use (loading the model takes a few hundred ms, never on the receive path).</summary>
    private WakeWordSpotter? Spotter()
    {
        if (_spotter is not null || _spotterFailed)
        {
            return _spotter;
        }

        try
        {
            _spotter = new WakeWordSpotter(_settings.WakeWord, _settings.SpotterModel);
        }
        catch (Exception e) when (e is ArgumentException or SpeechEngineException or IOException)
        {
            _spotterFailed = true;
            _logger.LogError("Site {Site}: no wake word spotting: {Error}", Site, e.Message);
        }

        return _spotter;
    }

    // Sub-millisecond: the wait from the VAD's decision to the transcript is measured from these stamps and is a few ms.
    private static double Now() => (DateTimeOffset.UtcNow - DateTimeOffset.UnixEpoch).TotalSeconds;
}
