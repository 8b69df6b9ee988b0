using Alicia.Ai.Devices;
using Alicia.Ai.Dialogue;
using Alicia.Ai.Language;
using Alicia.Ai.Llm;
using Alicia.Ai.Timers;
using Alicia.Bus;
using Alicia.Contracts;
using Alicia.Contracts.Devices;
using Alicia.Contracts.Voice;
using Alicia.Intents;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Alicia.Ai;

/// <summary>
/// The AI on the bus: answers <c>alicia/voice/ai/request</c> on <c>alicia/voice/ai/response</c>, keeps the
/// speech grammar retained on <c>alicia/voice/ai/grammar</c> in step with the registry's device list,
/// sends device commands, publishes conversation context and announces timers when they are done.
/// </summary>
public sealed class AiService : BusServiceWrapper
{
    private readonly AiOptions _options;
    private readonly IntentTemplates _templates;
    private readonly DeviceStates _states = new();
    private readonly TimerScheduler _timers;
    private readonly Assistant _assistant;
    private readonly ILogger<AiService> _logger;
    private readonly SemaphoreSlim _grammarGate = new(1, 1);
    private readonly bool _llmConfigured;
    private string? _publishedGrammar;

    public AiService(BusClientFactory bus, IOptions<AiOptions> options, LlmClient llm, ILoggerFactory loggers)
        : base(bus, ServiceNames.Ai)
    {
        ArgumentNullException.ThrowIfNull(bus);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(llm);
        ArgumentNullException.ThrowIfNull(loggers);
        _options = options.Value;
        _logger = loggers.CreateLogger<AiService>();
        _llmConfigured = llm.IsConfigured;
        var time = bus.Time;
        _templates = IntentTemplates.Load(IntentsLocator.Find(_options.IntentsDirectory) ?? _options.IntentsDirectory);
        _timers = new TimerScheduler(new TimerStore(_options.DataDirectory), time, loggers.CreateLogger<TimerScheduler>());
        var commands = new DeviceCommands(new BusDeviceCommander(Bus, _options), _states, time);
        _assistant = new Assistant(
            LanguageModel.Compile(_templates, DeviceDirectory.Empty, _options.MinConfidence),
            new ConversationStore(time, _options.ContextTimeout),
            new DeviceIntents(commands, _states),
            commands,
            new TimerIntents(_timers),
            new InfoIntents(time),
            llm,
            time);
    }

    /// <summary>The grammar currently in use (the one published, once connected).</summary>
    public AiGrammar Grammar => _assistant.Model.Grammar;

    protected override IReadOnlyList<string> Capabilities =>
        _llmConfigured ? ["intents", "conversation", "timers", "grammar", "llm"] : ["intents", "conversation", "timers", "grammar"];

    protected override void ConfigureRoutes(BusClient bus)
    {
        ArgumentNullException.ThrowIfNull(bus);
        bus.OnEvent<DeviceList>(Topics.Devices.List, (m, ct) => UseDevicesAsync(m.Payload, ct));
        bus.OnEvent<DeviceState>(Topics.Devices.AllState, (m, _) =>
        {
            _states.Update(m.Payload);
            return Task.CompletedTask;
        });
        bus.OnEvent<AiRequest>(Topics.Ai.Request, AnswerAsync);
    }

    protected override Task OnConnectedAsync(CancellationToken cancellationToken) => PublishGrammarAsync(cancellationToken);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(base.ExecuteAsync(stoppingToken), _timers.RunAsync(timer => AnnounceAsync(timer, stoppingToken), stoppingToken));

    public override void Dispose()
    {
        _timers.Dispose();
        _grammarGate.Dispose();
        base.Dispose();
    }

    private async Task AnswerAsync(BusMessage<AiRequest> message, CancellationToken cancellationToken)
    {
        var result = await _assistant.HandleAsync(new TurnRequest(message.Payload.Text, message.SessionId, message.SiteId, message.Envelope), cancellationToken);
        var response = result.Response;
        await Bus.PublishAsync(Topics.Ai.Response, response, new PublishOptions
        {
            CausedBy = message.Envelope,
            CorrelationId = message.Envelope.MessageId,
            Priority = MessagePriority.Interactive,
            AtLeastOnce = true,
        }, cancellationToken);
        _logger.LogInformation("\"{Text}\" -> {Intent} ({Confidence:0.00}, {Source}) \"{Reply}\" in {Elapsed:0.0} ms",
            response.Text, response.Intent ?? "(not recognized)", response.Confidence, response.Source, response.Reply, response.ElapsedMs);

        await PublishContextAsync(ContextOf("turn", result.Context), message.Envelope, cancellationToken);
        if (result.Outcome.TimerEvent is { } timerEvent)
        {
            await PublishContextAsync(ContextOf(timerEvent, result.Context) with { Timer = result.Outcome.Timer }, message.Envelope, cancellationToken);
        }
    }

    private async Task UseDevicesAsync(DeviceList list, CancellationToken cancellationToken)
    {
        var model = LanguageModel.Compile(_templates, new DeviceDirectory(list.Devices), _options.MinConfidence);
        _assistant.Model = model;
        _logger.LogInformation("Compiled intents with {Count} device(s): grammar {Version}, {Words} words",
            list.Devices.Count, model.Grammar.Version, model.Grammar.Words.Count);
        await PublishGrammarAsync(cancellationToken);
    }

    private async Task PublishGrammarAsync(CancellationToken cancellationToken)
    {
        await _grammarGate.WaitAsync(cancellationToken);
        try
        {
            // Read the model inside the gate: whichever publish runs last carries the newest grammar.
            var grammar = _assistant.Model.Grammar;
            if (grammar.Version == _publishedGrammar)
            {
                return;
            }

            await Bus.PublishAsync(Topics.Ai.Grammar, grammar,
                new PublishOptions { Retain = true, Ttl = Envelope.NeverExpires, Priority = MessagePriority.System }, cancellationToken);
            _publishedGrammar = grammar.Version;
        }
        finally
        {
            _grammarGate.Release();
        }
    }

    // Fired from the scheduler loop: announce without waiting for the speaker, so timers due
    // together are not announced one TTS round trip apart.
    private Task AnnounceAsync(ScheduledTimer timer, CancellationToken cancellationToken)
    {
        var text = TimerIntents.Done(timer);
        _logger.LogInformation("Timer {Id} is done on {Site}: \"{Text}\"", timer.Id, timer.Site ?? "(no site)", text);
        _ = PublishContextAsync(new ContextUpdate("timer_fired", timer.SessionId, timer.Site, IntentNames.StartTimer, null, [], null, text,
            timer.DueAt, timer), null, cancellationToken);
        _ = SpeakAsync(text, timer.Site, cancellationToken);
        return Task.CompletedTask;
    }

    // The TTS answers on alicia/voice/tts/response; nobody waits for that here, the announcement is fire-and-forget.
    private async Task SpeakAsync(string text, string? site, CancellationToken cancellationToken)
    {
        try
        {
            await Bus.PublishAsync(Topics.Tts.Request, new TtsRequest(text), new PublishOptions
            {
                SiteId = site,
                Priority = MessagePriority.Interactive,
                AtLeastOnce = true,
            }, cancellationToken);
        }
        catch (BusPublishException e)
        {
            _logger.LogError("Could not announce \"{Text}\": the broker refused {Topic} ({Error}); the ai identity needs write access to it",
                text, Topics.Tts.Request, e.Message);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private ContextUpdate ContextOf(string eventName, ConversationState state) => new(
        eventName,
        state.SessionId,
        state.Site,
        state.Intent,
        state.LastAction?.Action,
        state.DeviceIds,
        state.PendingAction?.Action,
        state.LastReply,
        Envelope.UnixSeconds(_assistant.Conversations.ExpiresAt(state)));

    private async Task PublishContextAsync(ContextUpdate update, Envelope? cause, CancellationToken cancellationToken)
    {
        try
        {
            await Bus.PublishAsync(Topics.Ai.Context, update, new PublishOptions { CausedBy = cause, SiteId = update.Site, SessionId = update.SessionId },
                cancellationToken);
        }
        catch (Exception e) when (e is BusPublishException or OperationCanceledException)
        {
            _logger.LogWarning("Could not publish context: {Error}", e.Message);
        }
    }
}
