namespace Alicia.DeviceRegistry.Discovery;

public enum DiscoveryResultKind
{
    /// <summary>Not a config topic (e.g. Home Assistant's own <c>homeassistant/status</c>).</summary>
    NotConfig,

    /// <summary>An empty config: the device (or every entity of a device-based config) is gone.</summary>
    Removed,

    /// <summary>A component the registry does not keep (button, number, camera...).</summary>
    Unsupported,

    /// <summary>Not JSON, not an object, or missing what the device type needs.</summary>
    Invalid,

    Found,
}
