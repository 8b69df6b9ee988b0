using System.Collections.Concurrent;
using System.Text.Json;
using Alicia.Bus;
using Alicia.Contracts;
using Alicia.Contracts.Voice;
using Alicia.VoiceRouter.Dialogue;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Alicia.VoiceRouter;

/// <summary>
/// One dialogue session per site (the Rhasspy dialogue manager's job): a wake word or a start request
/// opens it, the transcript goes to the AI, the AI's reply to the TTS, and the end is announced with
/// per-stage timings. The AI sends device commands itself.
/// </summary>
public sealed class VoiceRouterService : BusServiceWrapper
{
    private readonly VoiceRouterOptions _options;
    private readonly BusDialogue _dialogueBus;
    private readonly WakeGate _wakeGate;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ILoggerFactory _loggers;
    private readonly ConcurrentDictionary<string, SiteDialogue> _sites = new(StringComparer.Ordinal);

    public VoiceRouterService(BusClientFactory bus, IOptions<VoiceRouterOptions> options, ILoggerFactory loggers)
        : base(bus, ServiceNames.VoiceRouter)
    {
        ArgumentNullException.ThrowIfNull(bus);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggers);
        _options = options.Value;
        _time = bus.Time;
        _loggers = loggers;
        _logger = loggers.CreateLogger<VoiceRouterService>();
        _dialogueBus = new BusDialogue(Bus);
        _wakeGate = new WakeGate(_options.SiteGroups, _options.GroupWakeWindow, _time);
    }

    protected override IReadOnlyList<string> Capabilities => ["dialogue", "sessions"];

    protected override void ConfigureRoutes(BusClient bus)
    {
        ArgumentNullException.ThrowIfNull(bus);
        bus.OnEvent<WakeDetected>(Topics.Wake.AllDetected, (m, _) => WakeAsync(SiteOf(m.Topic) ?? m.Payload.Site, m.Envelope));
        bus.OnEvent<SessionStart>(Topics.Session.AllStart, (m, _) => StartAsync(m));
        bus.OnEvent<SttResponse>(Topics.Stt.Response, (m, _) =>
            DialogueOf(m.Envelope) is { } dialogue ? dialogue.TranscriptAsync(m.SessionId!, m.Payload, m.Envelope) : Task.CompletedTask);
        bus.OnEvent<SttError>(Topics.Stt.Error, (m, _) =>
            DialogueOf(m.Envelope) is { } dialogue ? dialogue.SttFailedAsync(m.SessionId!, m.Payload, m.Envelope) : Task.CompletedTask);
        bus.OnEvent<AiResponse>(Topics.Ai.Response, (m, _) => AiAnsweredAsync(m));
        bus.OnEvent<JsonElement>(Topics.Tts.Response, (m, _) =>
        {
            _dialogueBus.CompleteSpeech(m.Envelope);
            return Task.CompletedTask;
        });
    }

    public override void Dispose()
    {
        foreach (var dialogue in _sites.Values)
        {
            dialogue.Dispose();
        }

        base.Dispose();
    }

    private Task WakeAsync(string site, Envelope cause)
    {
        if (!_wakeGate.Admit(site))
        {
            _logger.LogInformation("Wake on {Site} ignored: another satellite of group {Group} woke just before", site, _wakeGate.GroupOf(site));
            return Task.CompletedTask;
        }

        return Dialogue(site).WakeAsync(cause);
    }

    private Task StartAsync(BusMessage<SessionStart> message)
    {
        if (SiteOf(message.Topic) is not { } site)
        {
            return Task.CompletedTask;
        }

        return string.IsNullOrWhiteSpace(message.Payload.Text)
            ? WakeAsync(site, message.Envelope)
            : Dialogue(site).StartTextAsync(message.Payload.Text, message.Envelope);
    }

    private async Task AiAnsweredAsync(BusMessage<AiResponse> message)
    {
        if (message.Envelope.CorrelationId is not { } requestId)
        {
            return;
        }

        // The response carries the session and site forward; any site could hold the request, so ask the likely one first.
        if (message.SiteId is { } site && _sites.TryGetValue(site, out var likely))
        {
            await likely.AiAnsweredAsync(requestId, message.Payload, message.Envelope);
            return;
        }

        foreach (var dialogue in _sites.Values)
        {
            await dialogue.AiAnsweredAsync(requestId, message.Payload, message.Envelope);
        }
    }

    private SiteDialogue? DialogueOf(Envelope envelope)
    {
        if (envelope.SessionId is not { } session)
        {
            return null;
        }

        if (envelope.SiteId is { } site && _sites.TryGetValue(site, out var bySite) && bySite.SessionId == session)
        {
            return bySite;
        }

        return _sites.Values.FirstOrDefault(d => d.SessionId == session);
    }

    private SiteDialogue Dialogue(string site) =>
        _sites.GetOrAdd(site, s => new SiteDialogue(s, _dialogueBus, _options, _time, _loggers.CreateLogger($"Alicia.VoiceRouter.Site.{s}")));

    // alicia/voice/wake/{site}/detected and alicia/voice/session/{site}/start: the site is the fourth level.
    private static string? SiteOf(string topic)
    {
        var levels = topic.Split('/');
        return levels.Length == 5 && levels[3].Length > 0 ? levels[3] : null;
    }
}
