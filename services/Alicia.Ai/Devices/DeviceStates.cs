using System.Collections.Concurrent;
using Alicia.Contracts.Devices;

namespace Alicia.Ai.Devices;

/// <summary>The last state each device reported (retained <c>alicia/devices/state/+</c> and command results).</summary>
public sealed class DeviceStates
{
    private readonly ConcurrentDictionary<string, DeviceState> _states = new(StringComparer.Ordinal);

    public void Update(DeviceState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        _states.AddOrUpdate(state.DeviceId, state, (_, old) => state.UpdatedAt >= old.UpdatedAt ? state : old);
    }

    public DeviceState? Get(string deviceId) => _states.GetValueOrDefault(deviceId);
}
