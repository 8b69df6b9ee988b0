using System.Text.Json;
using Alicia.Bus;
using Alicia.Contracts;
using Alicia.Contracts.Voice;
using Alicia.Speech;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Alicia.Tts;

/// <summary>
/// Text to speech on the bus: each <c>alicia/voice/tts/request</c> is answered on <c>alicia/voice/tts/response</c>
/// (correlation id = the request's message id) with a base64 WAV, and when the request names a site the same WAV
/// goes as raw bytes to <c>alicia/voice/tts/audio/{site}</c> for its speaker. A request that cannot be spoken is
/// answered with empty audio and the reason in <see cref="TtsResponse.Error"/>.
/// </summary>
public sealed class TtsService : BusServiceWrapper
{
    private readonly ILogger _logger;
    private readonly EspeakSynthesizer _synthesizer;
    private readonly SpeechRenderer _renderer;
    private TtsOptions _options;

    public TtsService(BusClientFactory bus, IOptions<TtsOptions> options, ILoggerFactory loggers)
        : base(bus, ServiceNames.Tts)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggers);
        _options = options.Value;
        _logger = loggers.CreateLogger<TtsService>();
        _synthesizer = new EspeakSynthesizer(Math.Max(_options.MaxTextLength, EspeakSynthesizer.DefaultMaxTextLength));
        _renderer = new SpeechRenderer(_synthesizer);
    }

    protected override IReadOnlyList<string> Capabilities => ["tts", "voice:" + _options.DefaultVoice];

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        // The first synthesis loads the voice data; do it now so the first request is as fast as the others.
        _ = _renderer.Render(new TtsRequest("ready"), _options);
        await base.StartAsync(cancellationToken);
    }

    public override void Dispose()
    {
        base.Dispose();
        _synthesizer.Dispose();
    }

    protected override void ConfigureRoutes(BusClient bus) =>
        bus.OnEvent<TtsRequest>(Topics.Tts.Request, HandleRequestAsync);

    protected override Task ApplyConfigAsync(JsonElement settings, CancellationToken cancellationToken)
    {
        // The same names as Services:tts in config/alicia.json (case does not matter), bound the same way.
        if (settings.ValueKind != JsonValueKind.Object)
        {
            throw new CommandRejectedException("Live settings must be a JSON object such as {\"DefaultVoice\": \"en-gb\"}.");
        }

        var updated = _options.Clone();
        using (var json = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(settings.GetRawText())))
        {
            new ConfigurationBuilder().AddJsonStream(json).Build().Bind(updated);
        }

        var validation = new TtsOptionsValidator().Validate(null, updated);
        if (validation.Failed)
        {
            throw new CommandRejectedException("Live settings refused: " + validation.FailureMessage);
        }

        _options = updated;
        _logger.LogInformation("Live settings applied: voice {Voice} at {Rate} words per minute", updated.DefaultVoice, updated.DefaultRateWpm);
        return Task.CompletedTask;
    }

    private async Task HandleRequestAsync(BusMessage<TtsRequest> message, CancellationToken cancellationToken)
    {
        var answer = new PublishOptions
        {
            CausedBy = message.Envelope,
            CorrelationId = message.Envelope.MessageId,
            Priority = message.Envelope.Priority,
        };
        var options = _options;
        RenderedSpeech speech;
        try
        {
            speech = _renderer.Render(message.Payload, options);
        }
        catch (ArgumentException e)
        {
            Bus.Metrics.CountRejection("invalid_request");
            var voice = message.Payload.Voice ?? options.DefaultVoice;
            _logger.LogInformation("Request {Id} not spoken: {Error}", message.Envelope.MessageId, e.Message);
            await Bus.PublishAsync(Topics.Tts.Response, new TtsResponse(string.Empty, 0, 0, voice, e.Message), answer, cancellationToken);
            return;
        }
        catch (SpeechEngineException e)
        {
            _logger.LogError("Request {Id}: espeak-ng failed: {Error}", message.Envelope.MessageId, e.Message);
            await Bus.PublishAsync(Topics.Tts.Response,
                new TtsResponse(string.Empty, 0, 0, message.Payload.Voice ?? options.DefaultVoice, "The speech engine failed: " + e.Message), answer, cancellationToken);
            throw;
        }

        var response = new TtsResponse(
            Convert.ToBase64String(speech.Wav),
            Math.Round(speech.Duration.TotalSeconds, 3),
            Math.Round(speech.SynthesisTime.TotalMilliseconds, 2),
            speech.Voice);
        await Bus.PublishAsync(Topics.Tts.Response, response, answer, cancellationToken);
        if (message.SiteId is { Length: > 0 } site && site.IndexOfAny(['/', '+', '#']) < 0)
        {
            await Bus.PublishBinaryAsync(Topics.Tts.Audio(site), speech.Wav, cancellationToken: cancellationToken);
        }
    }
}
