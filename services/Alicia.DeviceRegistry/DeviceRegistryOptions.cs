namespace Alicia.DeviceRegistry;

/// <summary>The registry's settings (configuration section <c>Services:device-registry</c>).</summary>
public sealed class DeviceRegistryOptions
{
    public const string Section = "Services:device-registry";

    /// <summary>Where devices.db lives; relative paths are relative to the working directory.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>Home Assistant's discovery prefix: configs arrive on {prefix}/{component}/.../config.</summary>
    public string DiscoveryPrefix { get; set; } = "homeassistant";

    /// <summary>
    /// Topic filters the bridges publish device state under. The bus cannot add subscriptions after it
    /// starts, so the registry follows these whole trees and picks out the state topics it learned.
    /// Null means <see cref="DefaultBridgeTopics"/>; they must be readable by device-registry in mosquitto/acl.
    /// </summary>
    public string[]? BridgeTopics { get; set; }

    public static IReadOnlyList<string> DefaultBridgeTopics { get; } = ["zigbee2mqtt/#", "stat/#", "tele/#", "esphome/#", "alicia-demo/#"];

    public IReadOnlyList<string> EffectiveBridgeTopics => BridgeTopics is { Length: > 0 } topics ? topics : DefaultBridgeTopics;

    /// <summary>How long a command waits for the device to report its new state before answering with the last known one.</summary>
    public TimeSpan StateConfirmTimeout { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Raw discovery and state messages waiting for the registry's worker; past it new ones are dropped and counted.</summary>
    public int InboundCapacity { get; set; } = 10_000;

    /// <summary>Bridge topics whose last payload is remembered, so a device discovered after its (retained) state still gets it.</summary>
    public int StateCacheLimit { get; set; } = 10_000;
}
