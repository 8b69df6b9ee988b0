using System.Buffers;
using System.Text;
using Alicia.Cli.Commands;

namespace Alicia.Cli.Tests;

public sealed class TailFormatTests
{
    [Fact]
    public void An_envelope_reads_as_topic_source_type_and_payload()
    {
        const string envelope = """{"message_id":"m","timestamp":1732390000.5,"source":"ai","destination":"broadcast","message_type":"event","priority":"interactive","ttl":300,"session_id":"0123456789ab","site_id":null,"correlation_id":null,"payload":{"reply":"Turning on the kitchen light."},"routing":{"hops":0,"max_hops":10}}""";

        var line = TailCommand.Describe("alicia/voice/ai/response", Bytes(envelope), color: false);

        Assert.Contains("alicia/voice/ai/response ai event/interactive session=01234567 {\"reply\":\"Turning on the kitchen light.\"}", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Binary_audio_is_summarized_not_dumped()
    {
        var line = TailCommand.Describe("alicia/voice/audio/kitchen/frame", new ReadOnlySequence<byte>(new byte[] { 0, 1, 2, 3, 255, 0 }), color: false);

        Assert.EndsWith("<6 bytes binary>", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Plain_device_payloads_are_shown_as_text()
    {
        var line = TailCommand.Describe("zigbee2mqtt/lamp/set", Bytes("ON"), color: false);

        Assert.EndsWith("zigbee2mqtt/lamp/set ON", line, StringComparison.Ordinal);
    }

    private static ReadOnlySequence<byte> Bytes(string text) => new(Encoding.UTF8.GetBytes(text));
}
