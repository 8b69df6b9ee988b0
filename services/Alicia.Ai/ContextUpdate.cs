using Alicia.Ai.Timers;

namespace Alicia.Ai;

/// <summary>
/// The conversation context of a session as published on <c>alicia/voice/ai/context</c> after every turn
/// (<see cref="Event"/> "turn") and on timer changes ("timer_started", "timer_cancelled", "timer_fired").
/// </summary>
public sealed record ContextUpdate(
    string Event,
    string? SessionId,
    string? Site,
    string? Intent,
    string? Action,
    IReadOnlyList<string> DeviceIds,
    string? PendingAction,
    string? LastReply,
    double ExpiresAt,
    ScheduledTimer? Timer = null);
