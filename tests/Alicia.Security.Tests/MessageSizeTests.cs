using System.Globalization;
using System.Text;
using System.Text.Json;
using Alicia.Testing;
using MQTTnet;
using MQTTnet.Protocol;

namespace Alicia.Security.Tests;

/// <summary>message_size_limit: a whole spoken utterance fits, anything bigger is refused with a reason.</summary>
public sealed class MessageSizeTests(SharedBroker shared) : IClassFixture<SharedBroker>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);
    private const MqttClientPublishReasonCode PacketTooLarge = (MqttClientPublishReasonCode)0x95;

    private static int Limit => int.Parse(
        File.ReadLines(Repository.File("mosquitto", "mosquitto.conf")).Single(l => l.StartsWith("message_size_limit ", StringComparison.Ordinal)).Split(' ')[1],
        CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_thirty_second_utterance_as_base64_wav_in_an_envelope_is_delivered()
    {
        var envelope = SttRequest(seconds: 30);
        await using var stt = await MessageRecorder.StartAsync(shared.Broker, "stt", ["alicia/voice/stt/request"]);
        using var cli = await TestMqtt.ConnectAsync(shared.Broker, "cli");

        var result = await cli.PublishAsync(Message("alicia/voice/stt/request", envelope));
        var received = await stt.WaitForTopicAsync("alicia/voice/stt/request", Wait);

        Assert.True(result.IsSuccess, result.ReasonCode.ToString());
        Assert.Equal(envelope, received.Payload);
        Assert.InRange(envelope.Length, 1_280_000, Limit);
    }

    [Fact]
    public async Task One_byte_over_the_limit_is_refused_and_the_connection_stays_usable()
    {
        await using var stt = await MessageRecorder.StartAsync(shared.Broker, "stt", ["alicia/voice/stt/request"]);
        using var cli = await TestMqtt.ConnectAsync(shared.Broker, "cli");

        var tooBig = await cli.PublishAsync(Message("alicia/voice/stt/request", new byte[Limit + 1]));
        var next = await cli.PublishAsync(Message("alicia/voice/stt/request", "after"u8.ToArray()));
        var delivered = await stt.WaitForTopicAsync("alicia/voice/stt/request", Wait);

        // mosquitto 2.0 answers 0x95 Packet too large (MQTTnet has no name for it among PUBACK reasons).
        Assert.False(tooBig.IsSuccess);
        Assert.Equal(PacketTooLarge, tooBig.ReasonCode);
        Assert.True(next.IsSuccess, next.ReasonCode.ToString());
        Assert.Equal("after", delivered.PayloadText); // the oversized one never arrived first
    }

    private static MqttApplicationMessage Message(string topic, byte[] payload) =>
        new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(payload).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build();

    private static byte[] SttRequest(int seconds)
    {
        const int SampleRate = 16_000;
        var pcmBytes = seconds * SampleRate * 2;
        var wav = new byte[44 + pcmBytes];
        Encoding.ASCII.GetBytes("RIFF").CopyTo(wav, 0);
        BitConverter.GetBytes(36 + pcmBytes).CopyTo(wav, 4);
        Encoding.ASCII.GetBytes("WAVEfmt ").CopyTo(wav, 8);
        BitConverter.GetBytes(16).CopyTo(wav, 16);
        BitConverter.GetBytes((short)1).CopyTo(wav, 20);
        BitConverter.GetBytes((short)1).CopyTo(wav, 22);
        BitConverter.GetBytes(SampleRate).CopyTo(wav, 24);
        BitConverter.GetBytes(SampleRate * 2).CopyTo(wav, 28);
        BitConverter.GetBytes((short)2).CopyTo(wav, 32);
        BitConverter.GetBytes((short)16).CopyTo(wav, 34);
        Encoding.ASCII.GetBytes("data").CopyTo(wav, 36);
        BitConverter.GetBytes(pcmBytes).CopyTo(wav, 40);
        Random.Shared.NextBytes(wav.AsSpan(44)); // noise: the worst case for anything that compresses

        return JsonSerializer.SerializeToUtf8Bytes(new
        {
            message_id = Guid.NewGuid(),
            timestamp = 1732390000.123,
            source = "cli",
            destination = "stt",
            message_type = "query",
            priority = "interactive",
            ttl = 300,
            correlation_id = Guid.NewGuid(),
            session_id = Guid.NewGuid(),
            site_id = "kitchen",
            payload = new { audio_data = Convert.ToBase64String(wav), format = "wav", sample_rate = SampleRate },
            routing = new { hops = 0, max_hops = 10 },
        });
    }
}
