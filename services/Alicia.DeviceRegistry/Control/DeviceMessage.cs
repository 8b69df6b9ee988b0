namespace Alicia.DeviceRegistry.Control;

/// <summary>One raw MQTT message in a device's own protocol (not an Alicia envelope).</summary>
public sealed record DeviceMessage(string Topic, string Payload);
