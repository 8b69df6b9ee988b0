namespace Alicia.DemoDevices.Devices;

/// <summary>One raw MQTT message a virtual device publishes.</summary>
public sealed record DeviceMessage(string Topic, string Payload);
