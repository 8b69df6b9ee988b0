using System.Text.Json;

namespace Alicia.Testing;

/// <summary>One message a <see cref="MessageRecorder"/> saw.</summary>
public sealed record ReceivedMessage(string Topic, byte[] Payload, bool Retain)
{
    public string PayloadText => System.Text.Encoding.UTF8.GetString(Payload);

    /// <summary>The envelope's <c>payload</c> object, or null for an empty message (a retained topic being cleared).</summary>
    public JsonElement? EnvelopePayload =>
        Payload.Length == 0 ? null : JsonDocument.Parse(Payload).RootElement.GetProperty("payload").Clone();
}
