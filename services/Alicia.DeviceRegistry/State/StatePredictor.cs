using Alicia.Contracts.Devices;
using Alicia.DeviceRegistry.Devices;

namespace Alicia.DeviceRegistry.State;

/// <summary>
/// The state a command should lead to, for devices that never report one (no state topic, or
/// <c>optimistic: true</c>): Home Assistant's "optimistic mode".
/// </summary>
public static class StatePredictor
{
    public static bool IsOptimistic(Device device)
    {
        ArgumentNullException.ThrowIfNull(device);
        return device.Mqtt.Optimistic == true || !device.Mqtt.StateTopics().Any();
    }

    public static DeviceState Predict(Device device, DeviceCommand command, DeviceState current)
    {
        ArgumentNullException.ThrowIfNull(device);
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(current);
        return command.Action switch
        {
            DeviceActions.TurnOn when device.Type == DeviceTypes.Climate => current with { State = "heat" },
            DeviceActions.TurnOff when device.Type == DeviceTypes.Climate => current with { State = "off" },
            DeviceActions.TurnOn => current with { State = device.Type == DeviceTypes.Cover ? "open" : "on" },
            DeviceActions.TurnOff => current with { State = device.Type == DeviceTypes.Cover ? "closed" : "off" },
            DeviceActions.Toggle => current with { State = current.State == "on" ? "off" : "on" },
            DeviceActions.SetBrightness when command.Value is > 0 => current with { State = "on", Brightness = command.Value },
            DeviceActions.SetBrightness => current with { State = "off" },
            DeviceActions.SetTemperature => current with { TargetTemperature = command.Value },
            DeviceActions.Open => current with { State = "open" },
            DeviceActions.Close => current with { State = "closed" },
            DeviceActions.Lock => current with { State = "locked" },
            DeviceActions.Unlock => current with { State = "unlocked" },
            _ => current,
        };
    }
}
