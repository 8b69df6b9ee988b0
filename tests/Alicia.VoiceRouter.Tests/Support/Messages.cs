using System.Text.Json;
using Alicia.Contracts;
using Alicia.Testing;

namespace Alicia.VoiceRouter.Tests.Support;

/// <summary>Reads recorded MQTT messages as envelopes and payloads.</summary>
internal static class Messages
{
    public static Envelope Envelope(this ReceivedMessage message) =>
        JsonSerializer.Deserialize(message.Payload, ContractsJson.Default.Envelope)!;

    public static T Payload<T>(this ReceivedMessage message) => TestClients.Json.FromElement<T>(message.Envelope().Payload);
}
