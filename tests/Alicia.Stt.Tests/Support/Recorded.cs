using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Alicia.Contracts;
using Alicia.Testing;

namespace Alicia.Stt.Tests.Support;

/// <summary>Reads what a <see cref="MessageRecorder"/> caught as envelopes with typed payloads.</summary>
internal static class Recorded
{
    public static Envelope Envelope(ReceivedMessage message) =>
        JsonSerializer.Deserialize(message.Payload, ContractsJson.Default.Envelope) ?? throw new JsonException("null envelope");

    public static T Payload<T>(ReceivedMessage message, JsonTypeInfo<T> type) =>
        Envelope(message).Payload.Deserialize(type) ?? throw new JsonException("null payload");

    public static bool Answers(ReceivedMessage message, string topic, Envelope request) =>
        message.Topic == topic && Envelope(message).CorrelationId == request.MessageId;

    /// <summary>The message on <paramref name="topic"/> that answers <paramref name="request"/>.</summary>
    public static Task<ReceivedMessage> AnswerAsync(this MessageRecorder recorder, string topic, Envelope request) =>
        recorder.WaitForAsync(m => Answers(m, topic, request), TimeSpan.FromSeconds(15));
}
