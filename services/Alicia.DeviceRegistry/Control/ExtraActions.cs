namespace Alicia.DeviceRegistry.Control;

/// <summary>Cover actions beyond <see cref="Alicia.Contracts.Devices.DeviceActions"/>; <see cref="SetPosition"/> takes 0-100 in the value.</summary>
public static class ExtraActions
{
    public const string Stop = "stop";
    public const string SetPosition = "set_position";
}
