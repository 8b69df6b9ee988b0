using Alicia.Ai.Devices;
using Alicia.Contracts.Devices;

namespace Alicia.Ai.Dialogue;

/// <summary>
/// What to do to a device, without the device: the part a follow-up ("and the bedroom light")
/// repeats. <see cref="Relative"/> values are added to the current level (brighter, dimmer).
/// </summary>
public sealed record DeviceAction(string Intent, string Action, double? Value = null, bool Relative = false)
{
    /// <summary>Whether the action makes sense for the device (no brightness for a lock).</summary>
    public bool Fits(DeviceInfo device) => Action switch
    {
        DeviceActions.SetBrightness => DeviceDirectory.IsDimmableLight(device),
        DeviceActions.SetTemperature => DeviceDirectory.IsThermostat(device),
        DeviceActions.Lock or DeviceActions.Unlock => DeviceDirectory.IsLock(device),
        DeviceActions.Open or DeviceActions.Close => device.Type == "cover",
        _ => DeviceDirectory.IsSwitchable(device),
    };

    /// <summary>The intent an action from elsewhere (the LLM's tool call) corresponds to.</summary>
    public static DeviceAction FromCommand(DeviceCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var intent = command.Action switch
        {
            DeviceActions.TurnOn => IntentNames.TurnOn,
            DeviceActions.TurnOff => IntentNames.TurnOff,
            DeviceActions.Toggle => IntentNames.Toggle,
            DeviceActions.SetBrightness => IntentNames.SetBrightness,
            DeviceActions.SetTemperature => IntentNames.SetTemperature,
            DeviceActions.Lock => IntentNames.Lock,
            DeviceActions.Unlock => IntentNames.Unlock,
            _ => IntentNames.LlmDeviceControl,
        };
        return new DeviceAction(intent, command.Action, command.Value);
    }
}
