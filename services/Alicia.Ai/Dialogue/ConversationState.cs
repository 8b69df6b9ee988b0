namespace Alicia.Ai.Dialogue;

/// <summary>
/// What a conversation remembers between turns: the devices and action of the last command (for
/// "turn it off" and "and the bedroom light"), an action still waiting for its device after a
/// "which device?" question, and the last reply (for "say that again").
/// </summary>
public sealed record ConversationState(
    string? SessionId,
    string? Site,
    string? Intent,
    DeviceAction? LastAction,
    IReadOnlyList<string> DeviceIds,
    DeviceAction? PendingAction,
    string? LastReply,
    DateTimeOffset UpdatedAt);
