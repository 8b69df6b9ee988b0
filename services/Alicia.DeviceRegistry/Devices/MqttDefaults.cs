namespace Alicia.DeviceRegistry.Devices;

/// <summary>Home Assistant's defaults for the options a config leaves out.</summary>
public static class MqttDefaults
{
    public const string PayloadOn = "ON";
    public const string PayloadOff = "OFF";
    public const string PayloadOpen = "OPEN";
    public const string PayloadClose = "CLOSE";
    public const string PayloadStop = "STOP";
    public const string PayloadLock = "LOCK";
    public const string PayloadUnlock = "UNLOCK";
    public const string StateOpen = "open";
    public const string StateOpening = "opening";
    public const string StateClosed = "closed";
    public const string StateClosing = "closing";
    public const string StateStopped = "stopped";
    public const string StateLocked = "LOCKED";
    public const string StateUnlocked = "UNLOCKED";
    public const string StateLocking = "LOCKING";
    public const string StateUnlocking = "UNLOCKING";
    public const string StateJammed = "JAMMED";

    /// <summary>Plain and JSON lights alike: 8-bit brightness unless the config says otherwise (Zigbee2MQTT uses 254, Tasmota 100).</summary>
    public const double BrightnessScale = 255;

    public const double PositionOpen = 100;
    public const double PositionClosed = 0;
    public const double MinTemp = 7;
    public const double MaxTemp = 35;

    public static IReadOnlyList<string> Modes { get; } = ["auto", "off", "cool", "heat", "dry", "fan_only"];
}
