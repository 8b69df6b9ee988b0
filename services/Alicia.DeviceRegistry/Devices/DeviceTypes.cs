namespace Alicia.DeviceRegistry.Devices;

/// <summary>The kinds of device the registry can keep; the names are Home Assistant's MQTT component names.</summary>
public static class DeviceTypes
{
    public const string Light = "light";
    public const string Switch = "switch";
    public const string Fan = "fan";
    public const string Sensor = "sensor";
    public const string BinarySensor = "binary_sensor";
    public const string Climate = "climate";
    public const string Cover = "cover";
    public const string Lock = "lock";

    public static IReadOnlyList<string> All { get; } = [Light, Switch, Fan, Sensor, BinarySensor, Climate, Cover, Lock];

    public static bool IsKnown(string? type) => type is not null && All.Contains(type, StringComparer.Ordinal);

    /// <summary>Types that are switched on and off with payload_on / payload_off.</summary>
    public static bool IsOnOff(string type) => type is Light or Switch or Fan;

    public static bool IsReadOnly(string type) => type is Sensor or BinarySensor;
}
