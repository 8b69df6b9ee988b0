namespace Alicia.Testing;

/// <summary>One message a <see cref="MessageRecorder"/> saw.</summary>
public sealed record ReceivedMessage(string Topic, byte[] Payload, bool Retain)
{
    public string PayloadText => System.Text.Encoding.UTF8.GetString(Payload);
}
