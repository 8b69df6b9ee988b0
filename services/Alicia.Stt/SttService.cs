using System.Text.Json;
using Alicia.Bus;
using Alicia.Contracts;
using Alicia.Contracts.Voice;
using Alicia.Speech;
using Alicia.Stt.Recognition;
using Alicia.Stt.Streaming;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Alicia.Stt;

/// <summary>
/// Speech to text on the bus: whole utterances from <c>alicia/voice/stt/request</c>, and each site's streamed
/// microphone audio (wake word outside sessions, VAD-cut commands inside them), recognized against the grammar
/// the AI publishes on <c>alicia/voice/ai/grammar</c>.
/// </summary>
public sealed class SttService : BusServiceWrapper, ISiteEventSink
{
    private readonly ILogger _logger;
    private readonly ILoggerFactory _loggers;
    private readonly IOptionsMonitor<SttOptions> _startupOptions;
    private readonly Lock _grammarLock = new();
    private SttOptions _options;
    private RecognizerPool? _pool;
    private UtteranceTranscriber? _transcriber;
    private SiteAudioRouter? _sites;
    private double _grammarTimestamp;
    private long _notRecognized;
    private long _noSpeech;
    private long _transcribed;
    private volatile IReadOnlyList<string> _missingWords = [];

    public SttService(BusClientFactory bus, IOptionsMonitor<SttOptions> options, ILoggerFactory loggers)
        : base(bus, ServiceNames.Stt)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggers);
        _startupOptions = options;
        _options = options.CurrentValue;
        _loggers = loggers;
        _logger = loggers.CreateLogger<SttService>();
    }

    /// <summary>The decoders, once started (tests and the evaluation read the grammar in use).</summary>
    public RecognizerPool Pool => _pool ?? throw new InvalidOperationException("The service has not started.");

    public SiteAudioRouter Sites => _sites ?? throw new InvalidOperationException("The service has not started.");

    protected override IReadOnlyList<string> Capabilities => ["stt", "wake-word", "vad", "grammar:jsgf"];

    /// <summary>Degraded while the grammar names words the decoder cannot pronounce.</summary>
    protected override HealthState CurrentHealth => _missingWords.Count > 0 ? HealthState.Degraded : HealthState.Online;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        _options = _startupOptions.CurrentValue;
        var dictionary = _options.EffectiveDictionary();
        _pool = new RecognizerPool(_options.RecognizerModel(dictionary), _options.Decoders);
        var (jsgf, version) = DefaultGrammar.Build(_options.IntentsDirectory, out var problem);
        if (problem is not null)
        {
            _logger.LogWarning("Default grammar: using the built-in one because the {Problem}", problem);
        }

        ReportGrammar(_pool.UseGrammar(jsgf, version));
        _transcriber = new UtteranceTranscriber(_pool, _options.MaxAudioSeconds);
        _sites = new SiteAudioRouter(_transcriber, this, ListeningSettingsOf(_options, dictionary), _options.MaxSites, _options.SiteQueueChunks, _loggers);
        Bus.Metrics.Gauge("stt_sites", () => _sites.Sites.Count);
        Bus.Metrics.Gauge("stt_audio_dropped_chunks", () => _sites.DroppedChunks);
        Bus.Metrics.Gauge("stt_transcribed", () => Interlocked.Read(ref _transcribed));
        Bus.Metrics.Gauge("stt_not_recognized", () => Interlocked.Read(ref _notRecognized));
        Bus.Metrics.Gauge("stt_no_speech", () => Interlocked.Read(ref _noSpeech));
        Bus.Metrics.Gauge("stt_grammar_missing_words", () => _missingWords.Count);
        await base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (_sites is not null)
        {
            await _sites.DisposeAsync();
        }
    }

    public override void Dispose()
    {
        base.Dispose();
        _pool?.Dispose();
    }

    protected override void ConfigureRoutes(BusClient bus)
    {
        bus.OnEvent<SttRequest>(Topics.Stt.Request, HandleRequestAsync);
        bus.OnEvent<AiGrammar>(Topics.Ai.Grammar, (m, _) => HandleGrammar(m));
        bus.OnEvent<SessionStarted>(Topics.Session.AllStarted, (m, _) => HandleSessionStarted(m));
        bus.OnEvent<SessionEnded>(Topics.Session.AllEnded, (m, _) => HandleSessionEnded(m));
        bus.OnBinary(Topics.Audio.AllFrames, Sites.Receive);
    }

    protected override Task ApplyConfigAsync(JsonElement settings, CancellationToken cancellationToken)
    {
        // The same names as Services:stt in config/alicia.json (case does not matter), bound the same way.
        if (settings.ValueKind != JsonValueKind.Object)
        {
            throw new CommandRejectedException("Live settings must be a JSON object such as {\"WakePhrase\": \"hey alicia\"}.");
        }

        var updated = _options.Clone();
        using (var json = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(settings.GetRawText())))
        {
            new ConfigurationBuilder().AddJsonStream(json).Build().Bind(updated);
        }

        var validation = new SttOptionsValidator().Validate(null, updated);
        if (validation.Failed)
        {
            throw new CommandRejectedException("Live settings refused: " + validation.FailureMessage);
        }

        var dictionary = updated.EffectiveDictionary();
        Sites.Reconfigure(ListeningSettingsOf(updated, dictionary));
        _options = updated;
        _logger.LogInformation("Live settings applied: wake phrase '{Phrase}' (threshold {Threshold:G3}), VAD end of speech after {Silence} ms",
            updated.WakePhrase, updated.WakeThreshold, updated.Vad.SilenceEndMs);
        return Task.CompletedTask;
    }

    // ---- whole utterances -----------------------------------------------------------------

    private async Task HandleRequestAsync(BusMessage<SttRequest> message, CancellationToken cancellationToken)
    {
        var answer = new PublishOptions
        {
            CausedBy = message.Envelope,
            CorrelationId = message.Envelope.MessageId,
            Priority = message.Envelope.Priority,
        };
        SttResponse response;
        try
        {
            if (!string.Equals(message.Payload.Format, "wav", StringComparison.OrdinalIgnoreCase))
            {
                throw new UnusableAudioException(SttErrorReasons.UnsupportedFormat, $"format '{message.Payload.Format}' is not supported; send a WAV file");
            }

            var transcript = _transcriber!.TranscribeBase64Wav(message.Payload.AudioData, cancellationToken);
            response = Response(transcript);
        }
        catch (UnusableAudioException e)
        {
            Count(e.Reason);
            _logger.LogInformation("Request {Id} not transcribed ({Reason}): {Detail}", message.Envelope.MessageId, e.Reason, e.Message);
            await Bus.PublishAsync(Topics.Stt.Error, new SttError(e.Reason, e.Message), answer, cancellationToken);
            return;
        }

        Interlocked.Increment(ref _transcribed);
        await Bus.PublishAsync(Topics.Stt.Response, response, answer, cancellationToken);
    }

    // ---- grammar --------------------------------------------------------------------------

    private Task HandleGrammar(BusMessage<AiGrammar> message)
    {
        var grammar = message.Payload;
        lock (_grammarLock)
        {
            // Dispatch workers run side by side: never let an older grammar overwrite a newer one.
            if (message.Envelope.Timestamp < _grammarTimestamp)
            {
                _logger.LogInformation("Grammar {Version} ignored: a newer one is in use", grammar.Version);
                return Task.CompletedTask;
            }

            if (string.IsNullOrWhiteSpace(grammar.Jsgf))
            {
                Bus.Metrics.CountRejection("invalid_grammar");
                _logger.LogWarning("Grammar {Version} ignored: it is empty", grammar.Version);
                return Task.CompletedTask;
            }

            try
            {
                ReportGrammar(Pool.UseGrammar(grammar.Jsgf, grammar.Version));
                _grammarTimestamp = message.Envelope.Timestamp;
            }
            catch (InvalidGrammarException e)
            {
                Bus.Metrics.CountRejection("invalid_grammar");
                _logger.LogError("Grammar {Version} refused, keeping {Current}: {Error}", grammar.Version, Pool.GrammarVersion, e.Message);
            }
        }

        return Task.CompletedTask;
    }

    private void ReportGrammar(GrammarChange change)
    {
        _missingWords = change.MissingWords;
        if (change.MissingWords.Count > 0)
        {
            _logger.LogWarning("Grammar {Version} in use without the words missing from the dictionary (sentences using them cannot be heard): {Words}",
                change.Version, string.Join(", ", change.MissingWords));
        }
        else
        {
            _logger.LogInformation("Grammar {Version} in use", change.Version);
        }
    }

    // ---- sites ----------------------------------------------------------------------------

    private Task HandleSessionStarted(BusMessage<SessionStarted> message)
    {
        var session = message.Payload;
        Sites.SessionStarted(session.Site, session.SessionId, session.Mode);
        return Task.CompletedTask;
    }

    private Task HandleSessionEnded(BusMessage<SessionEnded> message)
    {
        Sites.SessionEnded(message.Payload.Site, message.Payload.SessionId);
        return Task.CompletedTask;
    }

    async Task ISiteEventSink.WakeDetectedAsync(string site, string phrase, double detectedAt, CancellationToken cancellationToken) =>
        await Bus.PublishAsync(Topics.Wake.Detected(site), new WakeDetected(site, phrase, detectedAt),
            new PublishOptions { SiteId = site, Priority = MessagePriority.Interactive }, cancellationToken);

    async Task ISiteEventSink.TranscribedAsync(string site, string sessionId, Transcript transcript, double speechEndedAt, double closedAt, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _transcribed);
        var response = Response(transcript) with { SpeechEndedAt = speechEndedAt, UtteranceClosedAt = closedAt };
        await Bus.PublishAsync(Topics.Stt.Response, response,
            new PublishOptions { SessionId = sessionId, SiteId = site, Priority = MessagePriority.Interactive }, cancellationToken);
    }

    async Task ISiteEventSink.FailedAsync(string site, string sessionId, string reason, string detail, CancellationToken cancellationToken)
    {
        Count(reason);
        await Bus.PublishAsync(Topics.Stt.Error, new SttError(reason, detail),
            new PublishOptions { SessionId = sessionId, SiteId = site, Priority = MessagePriority.Interactive }, cancellationToken);
    }

    private static SttResponse Response(Transcript transcript) => new(
        transcript.Text,
        Math.Round(transcript.Confidence, 3),
        Math.Round(transcript.AudioDuration.TotalSeconds, 3),
        Math.Round(transcript.DecodeTime.TotalMilliseconds, 2));

    /// <summary>Bad audio is a rejected message; speech that matched nothing is an outcome, counted apart.</summary>
    private void Count(string reason)
    {
        switch (reason)
        {
            case SttErrorReasons.NotRecognized:
                Interlocked.Increment(ref _notRecognized);
                break;
            case SttErrorReasons.NoSpeech:
                Interlocked.Increment(ref _noSpeech);
                break;
            default:
                Bus.Metrics.CountRejection(reason);
                break;
        }
    }

    private static ListeningSettings ListeningSettingsOf(SttOptions options, string dictionary) =>
        new(options.WakeWord(), options.SpotterModel(dictionary), options.Vad, options.WakeHoldMs, options.DecodeWhileSpeaking);
}
