namespace Alicia.Contracts.Devices;

public static class DeviceActions
{
    public const string TurnOn = "turn_on";
    public const string TurnOff = "turn_off";
    public const string Toggle = "toggle";
    public const string SetBrightness = "set_brightness";
    public const string SetTemperature = "set_temperature";
    public const string Open = "open";
    public const string Close = "close";
    public const string Lock = "lock";
    public const string Unlock = "unlock";
}
