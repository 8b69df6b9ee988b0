namespace Alicia.DeviceRegistry;

/// <summary>A raw message from a bridge or the discovery prefix, copied off the receive path.</summary>
internal sealed record InboundMessage(string Topic, byte[] Payload);
