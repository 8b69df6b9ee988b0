namespace Alicia.DemoDevices;

/// <summary>
/// Settings of the demo devices: the broker connection comes from the same <c>Bus</c> section as the
/// services (overridable under <c>Services:demo-devices:Bus</c>); the rest from <c>Services:demo-devices</c>.
/// </summary>
public sealed class DemoDevicesOptions
{
    public const string Section = "Services:demo-devices";
    public const string BrokerUser = "bridge";

    /// <summary>Off with Services:demo-devices:Enabled=false (e.g. once real devices are connected).</summary>
    public bool Enabled { get; set; } = true;

    public string Host { get; set; } = "127.0.0.1";

    public int Port { get; set; } = 1883;

    /// <summary>Holds bridge.password.</summary>
    public string SecretsDirectory { get; set; } = ".secrets";

    /// <summary>The devices' own topic tree: {TopicPrefix}/{device}/... (the bridge user may write only its trees).</summary>
    public string TopicPrefix { get; set; } = "alicia-demo";

    public string DiscoveryPrefix { get; set; } = "homeassistant";

    /// <summary>How often the thermostat's room temperature moves towards its target.</summary>
    public TimeSpan SimulationInterval { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan ReconnectMinDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    public TimeSpan ReconnectMaxDelay { get; set; } = TimeSpan.FromSeconds(5);

    public string PasswordFile => Path.Combine(SecretsDirectory, $"{BrokerUser}.password");

    public string AvailabilityTopic => $"{TopicPrefix}/status";
}
