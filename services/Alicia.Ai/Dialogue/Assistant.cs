using System.Diagnostics;
using Alicia.Ai.Language;
using Alicia.Ai.Llm;
using Alicia.Contracts.Voice;
using Alicia.Intents;
using SlotValue = Alicia.Contracts.Voice.SlotValue;

namespace Alicia.Ai.Dialogue;

/// <summary>
/// Answers one sentence: recognize it against the current language model, act on the intent with
/// the conversation's context, fall back to the LLM (when there is one) for sentences the templates
/// do not cover, and remember the turn for follow-ups.
/// </summary>
public sealed class Assistant(
    LanguageModel model,
    ConversationStore conversations,
    DeviceIntents deviceIntents,
    DeviceCommands deviceCommands,
    TimerIntents timerIntents,
    InfoIntents infoIntents,
    LlmClient llm,
    TimeProvider time)
{
    /// <summary>Requests without a site share this context, so "turn it off" works from the command line too.</summary>
    public const string DefaultSite = "default";

    private LanguageModel _model = model;

    /// <summary>The model in use; replaced as a whole when the device list changes.</summary>
    public LanguageModel Model
    {
        get => Volatile.Read(ref _model);
        set => Volatile.Write(ref _model, value);
    }

    public ConversationStore Conversations => conversations;

    public async Task<TurnResult> HandleAsync(TurnRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var started = Stopwatch.GetTimestamp();
        var model = Model;
        var contextSite = request.Site ?? DefaultSite;
        var context = conversations.Find(request.SessionId, contextSite);
        var match = model.Recognizer.Recognize(request.Text);

        TurnOutcome outcome;
        var source = "local";
        if (match is not null)
        {
            outcome = await AnswerAsync(match, context, model, request, cancellationToken);
        }
        else if (await llm.TryAskAsync(request.Text, model.Devices, cancellationToken) is { } answer)
        {
            outcome = await FromLlmAsync(answer, model, request, cancellationToken);
            source = "llm";
        }
        else
        {
            outcome = new TurnOutcome(null, Replies.NotUnderstood);
        }

        var recognized = match is not null || source == "llm";
        var state = new ConversationState(
            request.SessionId,
            contextSite,
            outcome.Intent ?? context?.Intent,
            outcome.Action ?? context?.LastAction,
            outcome.DeviceIds.Count > 0 ? outcome.DeviceIds : context?.DeviceIds ?? [],
            outcome.Pending,
            outcome.Reply,
            time.GetUtcNow());
        conversations.Save(state);

        var slots = (match?.Slots ?? []).Select(s => new SlotValue(s.Name, s.RawValue, s.Value)).Concat(outcome.ContextSlots).ToList();
        var response = new AiResponse(
            request.Text,
            recognized,
            recognized ? outcome.Intent : null,
            slots,
            match?.Confidence ?? (source == "llm" ? 1 : 0),
            outcome.Reply,
            outcome.Commands,
            outcome.ExpectsReply,
            Math.Round(Stopwatch.GetElapsedTime(started).TotalMilliseconds, 3),
            source);
        return new TurnResult(response, state, outcome);
    }

    private async Task<TurnOutcome> AnswerAsync(IntentMatch match, ConversationState? context, LanguageModel model, TurnRequest request, CancellationToken cancellationToken)
    {
        if (DeviceIntents.Handles(match.Intent))
        {
            return await deviceIntents.HandleAsync(match, context, model.Devices, request.Cause, cancellationToken);
        }

        if (TimerIntents.Handles(match.Intent))
        {
            return timerIntents.Handle(match, request.Site, request.SessionId);
        }

        return InfoIntents.Handles(match.Intent)
            ? infoIntents.Handle(match.Intent, context)
            : new TurnOutcome(match.Intent, Replies.CannotDoYet);
    }

    private async Task<TurnOutcome> FromLlmAsync(LlmAnswer answer, LanguageModel model, TurnRequest request, CancellationToken cancellationToken)
    {
        if (answer.Commands.Count == 0)
        {
            return new TurnOutcome(IntentNames.LlmAnswer, answer.Text!);
        }

        // The reply says what actually happened, not what the model hoped would.
        var tasks = answer.Commands
            .Select(c => new DeviceTask(model.Devices.Find(c.DeviceId)!, DeviceAction.FromCommand(c)))
            .ToList();
        return await deviceCommands.RunAsync(IntentNames.LlmDeviceControl, tasks, request.Cause, cancellationToken);
    }
}
