using Alicia.Contracts;

namespace Alicia.Bus;

/// <summary>What a handler receives: the typed payload with the envelope and topic it came in.</summary>
public sealed record BusMessage<T>(string Topic, Envelope Envelope, T Payload)
{
    public string? SessionId => Envelope.SessionId;

    public string? SiteId => Envelope.SiteId;
}
