using Alicia.Ai.Devices;
using Alicia.Contracts;
using Alicia.Contracts.Devices;

namespace Alicia.Ai.Dialogue;

/// <summary>
/// Carries out device tasks side by side and words the result: what was done, what already was
/// so (from the known state, so nothing is sent), and which devices could not be reached.
/// </summary>
public sealed class DeviceCommands(IDeviceCommander commander, DeviceStates states, TimeProvider time)
{
    public async Task<TurnOutcome> RunAsync(string intent, IReadOnlyList<DeviceTask> tasks, Envelope? cause, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        var results = await Task.WhenAll(tasks.Select(t => RunOneAsync(t, cause, cancellationToken)));
        var sentences = new List<string>();
        foreach (var group in results.Where(r => r.Outcome?.Status == CommandStatus.Done).GroupBy(r => r.Task.Action))
        {
            sentences.Add(Replies.Doing(group.Key, group.Select(r => Name(r.Task)).ToList()));
        }

        sentences.AddRange(results.Where(r => r.AlreadyState is not null).Select(r => Replies.Already(Name(r.Task), r.AlreadyState!)));
        var unreachable = results.Where(r => r.Outcome?.Status == CommandStatus.Unreachable).Select(r => Name(r.Task)).ToList();
        if (unreachable.Count > 0)
        {
            sentences.Add(Replies.Unreachable(unreachable));
        }

        sentences.AddRange(results.Where(r => r.Outcome?.Status == CommandStatus.Refused).Select(r => Replies.Refused(Name(r.Task))));
        return new TurnOutcome(intent, string.Join(' ', sentences))
        {
            Commands = results.Select(r => r.Sent).OfType<DeviceCommand>().ToList(),
            Action = tasks[0].Action,
            DeviceIds = tasks.Select(t => t.Device.Id).Distinct().ToList(),
        };
    }

    private async Task<DeviceTaskResult> RunOneAsync(DeviceTask task, Envelope? cause, CancellationToken cancellationToken)
    {
        var state = states.Get(task.Device.Id);
        if (AlreadyThere(task.Action, state) is { } already)
        {
            return new DeviceTaskResult(task, null, null, already);
        }

        var command = new DeviceCommand(task.Device.Id, task.Action.Action, Value(task.Action, state));
        var outcome = await commander.ExecuteAsync(command, cause, cancellationToken);
        if (outcome.Status == CommandStatus.Done)
        {
            states.Update(outcome.State ?? Expected(command, state));
        }

        return new DeviceTaskResult(task, command, outcome, null);
    }

    // A state word when the known state already is what the action asks for.
    private static string? AlreadyThere(DeviceAction action, DeviceState? state)
    {
        var wanted = action.Action switch
        {
            DeviceActions.TurnOn => "on",
            DeviceActions.TurnOff => "off",
            DeviceActions.Lock => "locked",
            DeviceActions.Unlock => "unlocked",
            _ => null,
        };
        return wanted is not null && string.Equals(state?.State, wanted, StringComparison.OrdinalIgnoreCase) ? wanted : null;
    }

    private static double? Value(DeviceAction action, DeviceState? state)
    {
        if (!action.Relative)
        {
            return action.Value;
        }

        var current = state?.Brightness ?? (string.Equals(state?.State, "off", StringComparison.OrdinalIgnoreCase) ? 0 : 50);
        return Math.Clamp(current + (action.Value ?? 0), 1, 100);
    }

    // What the device should be now, until its own state report says otherwise: so "turn it on"
    // right after "turn on the light" already knows the light is on.
    private DeviceState Expected(DeviceCommand command, DeviceState? before)
    {
        var now = Envelope.UnixSeconds(time.GetUtcNow());
        var previous = before ?? new DeviceState(command.DeviceId, "unknown");
        return command.Action switch
        {
            DeviceActions.TurnOn => previous with { State = "on", UpdatedAt = now },
            DeviceActions.TurnOff => previous with { State = "off", UpdatedAt = now },
            DeviceActions.Lock => previous with { State = "locked", UpdatedAt = now },
            DeviceActions.Unlock => previous with { State = "unlocked", UpdatedAt = now },
            DeviceActions.SetBrightness => previous with { State = "on", Brightness = command.Value, UpdatedAt = now },
            DeviceActions.SetTemperature => previous with { TargetTemperature = command.Value, UpdatedAt = now },
            _ => previous with { State = "unknown", UpdatedAt = now },
        };
    }

    private static string Name(DeviceTask task) => DeviceDirectory.SpokenName(task.Device);
}
