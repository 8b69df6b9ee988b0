using Alicia.Ai.Timers;
using Alicia.Contracts.Devices;
using Alicia.Contracts.Voice;

namespace Alicia.Ai.Dialogue;

/// <summary>How one intent was answered: the reply, what was sent to devices, and what the context should remember.</summary>
public sealed record TurnOutcome(string? Intent, string Reply)
{
    public IReadOnlyList<DeviceCommand> Commands { get; init; } = [];

    public bool ExpectsReply { get; init; }

    /// <summary>The action to remember for follow-ups; null keeps the previous one.</summary>
    public DeviceAction? Action { get; init; }

    /// <summary>The devices "it" refers to from now on; empty keeps the previous ones.</summary>
    public IReadOnlyList<string> DeviceIds { get; init; } = [];

    /// <summary>An action waiting for the device the reply asked about.</summary>
    public DeviceAction? Pending { get; init; }

    /// <summary>Slots filled from the context rather than the sentence ("it" -> the kitchen light).</summary>
    public IReadOnlyList<SlotValue> ContextSlots { get; init; } = [];

    /// <summary>"timer_started" or "timer_cancelled", for the context topic.</summary>
    public string? TimerEvent { get; init; }

    public ScheduledTimer? Timer { get; init; }
}
