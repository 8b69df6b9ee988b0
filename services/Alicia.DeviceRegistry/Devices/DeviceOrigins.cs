namespace Alicia.DeviceRegistry.Devices;

/// <summary>How a device came into the registry (<c>origin</c> in <see cref="Alicia.Contracts.Devices.DeviceInfo"/>).</summary>
public static class DeviceOrigins
{
    /// <summary>Added by hand over <c>alicia/system/registry/add</c>.</summary>
    public const string Manual = "manual";

    /// <summary>Imported from a Home Assistant MQTT discovery config.</summary>
    public const string Discovery = "discovery";
}
