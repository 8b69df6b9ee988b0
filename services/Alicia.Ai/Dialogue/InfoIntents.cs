namespace Alicia.Ai.Dialogue;

/// <summary>Answers that need no device: clock, weather, help, stop and repeat.</summary>
public sealed class InfoIntents(TimeProvider time)
{
    public static bool Handles(string intent) => intent is IntentNames.GetTime or IntentNames.GetDate or IntentNames.GetWeather
        or IntentNames.Help or IntentNames.Stop or IntentNames.Repeat;

    public TurnOutcome Handle(string intent, ConversationState? context) => intent switch
    {
        IntentNames.GetTime => new TurnOutcome(intent, Replies.Time(time.GetLocalNow())),
        IntentNames.GetDate => new TurnOutcome(intent, Replies.Date(time.GetLocalNow())),
        IntentNames.GetWeather => new TurnOutcome(intent, Replies.Weather),
        IntentNames.Help => new TurnOutcome(intent, Replies.Help),
        IntentNames.Stop => new TurnOutcome(intent, Replies.Stopped),
        IntentNames.Repeat => new TurnOutcome(intent, context?.LastReply ?? Replies.NothingToRepeat),
        _ => throw new ArgumentOutOfRangeException(nameof(intent), intent, "not an information intent"),
    };
}
