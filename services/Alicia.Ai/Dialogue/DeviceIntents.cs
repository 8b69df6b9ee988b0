using System.Globalization;
using Alicia.Ai.Devices;
using Alicia.Contracts;
using Alicia.Contracts.Devices;
using Alicia.Intents;
using VoiceSlot = Alicia.Contracts.Voice.SlotValue;

namespace Alicia.Ai.Dialogue;

/// <summary>
/// Turns device intents into device tasks: which devices (named, an area, "it" from the context, or
/// the only one there is), which action, and the question to ask when that is not clear.
/// </summary>
public sealed class DeviceIntents(DeviceCommands commands, DeviceStates states)
{
    /// <summary>How much "brighter" and "dimmer" change the brightness, in percent.</summary>
    public const double BrightnessStep = 25;

    public static bool Handles(string intent) => intent is IntentNames.TurnOn or IntentNames.TurnOff or IntentNames.Toggle
        or IntentNames.TurnItOn or IntentNames.TurnItOff or IntentNames.SameForDevice or IntentNames.SetBrightness
        or IntentNames.Brighter or IntentNames.Dimmer or IntentNames.SetTemperature or IntentNames.GetTemperature
        or IntentNames.Lock or IntentNames.Unlock;

    public Task<TurnOutcome> HandleAsync(IntentMatch match, ConversationState? context, DeviceDirectory devices, Envelope? cause, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(match);
        ArgumentNullException.ThrowIfNull(devices);
        return match.Intent switch
        {
            IntentNames.TurnOn or IntentNames.TurnItOn => ActAsync(match, "device", new DeviceAction(IntentNames.TurnOn, DeviceActions.TurnOn), context, devices, cause, cancellationToken),
            IntentNames.TurnOff or IntentNames.TurnItOff => ActAsync(match, "device", new DeviceAction(IntentNames.TurnOff, DeviceActions.TurnOff), context, devices, cause, cancellationToken),
            IntentNames.Toggle => ActAsync(match, "device", new DeviceAction(IntentNames.Toggle, DeviceActions.Toggle), context, devices, cause, cancellationToken),
            IntentNames.SetBrightness => ActAsync(match, "light", new DeviceAction(IntentNames.SetBrightness, DeviceActions.SetBrightness, Number(match, "brightness")), context, devices, cause, cancellationToken),
            IntentNames.Brighter => ActAsync(match, "light", new DeviceAction(IntentNames.Brighter, DeviceActions.SetBrightness, BrightnessStep, Relative: true), context, devices, cause, cancellationToken),
            IntentNames.Dimmer => ActAsync(match, "light", new DeviceAction(IntentNames.Dimmer, DeviceActions.SetBrightness, -BrightnessStep, Relative: true), context, devices, cause, cancellationToken),
            IntentNames.SetTemperature => ActAsync(match, "thermostat", new DeviceAction(IntentNames.SetTemperature, DeviceActions.SetTemperature, Number(match, "temperature")), context, devices, cause, cancellationToken),
            IntentNames.Lock => ActAsync(match, "lock", new DeviceAction(IntentNames.Lock, DeviceActions.Lock), context, devices, cause, cancellationToken),
            IntentNames.Unlock => ActAsync(match, "lock", new DeviceAction(IntentNames.Unlock, DeviceActions.Unlock), context, devices, cause, cancellationToken),
            IntentNames.SameForDevice => SameForDeviceAsync(match, context, devices, cause, cancellationToken),
            IntentNames.GetTemperature => Task.FromResult(Temperature(match, context, devices)),
            _ => throw new ArgumentOutOfRangeException(nameof(match), match.Intent, "not a device intent"),
        };
    }

    private async Task<TurnOutcome> ActAsync(IntentMatch match, string slot, DeviceAction action, ConversationState? context,
        DeviceDirectory devices, Envelope? cause, CancellationToken cancellationToken)
    {
        var (targets, fromContext) = Targets(match.SlotValue(slot), action, context, devices);
        if (targets.Count == 0)
        {
            return match.SlotValue(slot) is null
                ? new TurnOutcome(action.Intent, Replies.WhichDevice(action)) { Pending = action, ExpectsReply = true }
                : new TurnOutcome(action.Intent, Replies.DontKnowWhich);
        }

        var outcome = await commands.RunAsync(action.Intent, targets.Select(d => new DeviceTask(d, action)).ToList(), cause, cancellationToken);
        return fromContext ? outcome with { ContextSlots = ContextSlots(targets) } : outcome;
    }

    private async Task<TurnOutcome> SameForDeviceAsync(IntentMatch match, ConversationState? context, DeviceDirectory devices, Envelope? cause, CancellationToken cancellationToken)
    {
        var named = match.SlotValue("device") ?? "";
        var action = context?.PendingAction ?? context?.LastAction;
        if (action is null)
        {
            // A device on its own and nothing to repeat: remember it, so "turn it on" can follow.
            var mentioned = devices.Resolve(named, _ => true);
            return mentioned.Count == 0
                ? new TurnOutcome(match.Intent, Replies.DontKnowWhich)
                : new TurnOutcome(match.Intent, Replies.WhatToDoWith(mentioned.Select(DeviceDirectory.SpokenName).ToList()))
                {
                    DeviceIds = mentioned.Select(d => d.Id).ToList(),
                    ExpectsReply = true,
                };
        }

        var targets = devices.Resolve(named, action.Fits);
        if (named.StartsWith(DeviceDirectory.AreaPrefix, StringComparison.Ordinal) && context is not null)
        {
            // "the bedroom too" after the kitchen light means the bedroom's lights, not its fan.
            var types = context.DeviceIds.Select(devices.Find).OfType<DeviceInfo>().Select(d => d.Type).ToHashSet();
            var sameType = targets.Where(d => types.Contains(d.Type)).ToList();
            targets = sameType.Count > 0 ? sameType : targets;
        }

        if (targets.Count == 0)
        {
            return new TurnOutcome(action.Intent, Replies.DontKnowWhich);
        }

        return await commands.RunAsync(action.Intent, targets.Select(d => new DeviceTask(d, action)).ToList(), cause, cancellationToken);
    }

    private TurnOutcome Temperature(IntentMatch match, ConversationState? context, DeviceDirectory devices)
    {
        var action = new DeviceAction(IntentNames.GetTemperature, DeviceActions.SetTemperature);
        var (targets, _) = Targets(match.SlotValue("thermostat"), action, context, devices);
        if (targets.Count == 0)
        {
            return new TurnOutcome(match.Intent, "There's no thermostat I know of.");
        }

        var thermostat = targets[0];
        var state = states.Get(thermostat.Id);
        return new TurnOutcome(match.Intent, Replies.Temperature(DeviceDirectory.SpokenName(thermostat), state?.Temperature, state?.TargetTemperature))
        {
            DeviceIds = [thermostat.Id],
        };
    }

    // Named devices (or an area) first, then the devices the conversation is about, then the only
    // device that fits when there is exactly one (one thermostat needs no name).
    private static (IReadOnlyList<DeviceInfo> Devices, bool FromContext) Targets(string? named, DeviceAction action,
        ConversationState? context, DeviceDirectory devices)
    {
        if (named is not null)
        {
            var resolved = devices.Resolve(named, action.Fits);
            if (named.StartsWith(DeviceDirectory.AreaPrefix, StringComparison.Ordinal) && resolved.Any(d => d.Type == "light"))
            {
                resolved = resolved.Where(d => d.Type == "light").ToList();
            }

            return (resolved, false);
        }

        var fromContext = (context?.DeviceIds ?? []).Select(devices.Find).OfType<DeviceInfo>().Where(action.Fits).ToList();
        if (fromContext.Count > 0)
        {
            return (fromContext, true);
        }

        var fitting = devices.Devices.Where(action.Fits).ToList();
        return action.Action != DeviceActions.TurnOn && action.Action != DeviceActions.TurnOff && action.Action != DeviceActions.Toggle && fitting.Count == 1
            ? (fitting, false)
            : ([], false);
    }

    private static List<VoiceSlot> ContextSlots(IEnumerable<DeviceInfo> devices) =>
        devices.Select(d => new VoiceSlot("device", "it", d.Id)).ToList();

    private static double? Number(IntentMatch match, string slot) =>
        double.TryParse(match.SlotValue(slot), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;
}
