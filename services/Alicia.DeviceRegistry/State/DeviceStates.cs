using System.Collections.Concurrent;
using Alicia.Contracts.Devices;

namespace Alicia.DeviceRegistry.State;

/// <summary>
/// The last known state of every device, and a way for a command to wait for the device to confirm
/// what it did (its next reported state).
/// </summary>
public sealed class DeviceStates
{
    private readonly ConcurrentDictionary<string, DeviceState> _states = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<TaskCompletionSource<DeviceState>>> _waiters = new(StringComparer.Ordinal);
    private readonly Lock _waitersGate = new();

    public DeviceState? Get(string deviceId) => _states.GetValueOrDefault(deviceId);

    public DeviceState GetOrInitial(string deviceId) => _states.GetValueOrDefault(deviceId) ?? StateInterpreter.Initial(deviceId);

    /// <summary>Stores a state; true when it differs from the previous one (ignoring the time stamp).</summary>
    public bool Set(DeviceState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var previous = _states.GetValueOrDefault(state.DeviceId);
        _states[state.DeviceId] = state;
        List<TaskCompletionSource<DeviceState>>? waiters;
        lock (_waitersGate)
        {
            _waiters.Remove(state.DeviceId, out waiters);
        }

        foreach (var waiter in waiters ?? [])
        {
            waiter.TrySetResult(state);
        }

        return previous is null || previous with { UpdatedAt = 0 } != state with { UpdatedAt = 0 };
    }

    public void Forget(string deviceId) => _states.TryRemove(deviceId, out _);

    /// <summary>Completes with the next state reported for the device (register before sending the command).</summary>
    public Task<DeviceState> NextAsync(string deviceId)
    {
        var waiter = new TaskCompletionSource<DeviceState>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_waitersGate)
        {
            if (!_waiters.TryGetValue(deviceId, out var waiters))
            {
                _waiters[deviceId] = waiters = [];
            }

            waiters.Add(waiter);
        }

        return waiter.Task;
    }
}
