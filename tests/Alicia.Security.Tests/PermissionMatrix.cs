using System.Globalization;
using Alicia.Testing;
using MQTTnet;
using MQTTnet.Protocol;

namespace Alicia.Security.Tests;

/// <summary>
/// Checks a running broker against the ACL model: every publisher publishes (MQTT 5, QoS 1) to
/// every probe topic, and every reader is subscribed to '#' (acl_file accepts any subscription and
/// filters delivery). The broker must answer 0x87 exactly where the ACL denies the write, and a
/// message must reach exactly the readers the ACL lets read it.
/// </summary>
public static class PermissionMatrix
{
    private static readonly TimeSpan BarrierTimeout = TimeSpan.FromSeconds(20);

    public static async Task<MatrixOutcome> RunAsync(
        MosquittoBroker broker, AclFile acl, IReadOnlyList<string> topics, IReadOnlyList<MatrixClient> publishers, IReadOnlyList<MatrixClient> readers)
    {
        ArgumentNullException.ThrowIfNull(acl);
        ArgumentNullException.ThrowIfNull(topics);
        var run = Guid.NewGuid().ToString("N");
        var recorders = await Task.WhenAll(readers.Select(r => MessageRecorder.StartAsync(broker, r.User, ["#"], r.Transport)));
        try
        {
            var results = await Task.WhenAll(publishers.Select(p => PublishEverywhereAsync(broker, p, topics, run)));
            await WaitForBarriersAsync(broker, acl, readers, recorders, run);
            return Evaluate(acl, topics, publishers, readers, recorders, results, run);
        }
        finally
        {
            foreach (var recorder in recorders)
            {
                await recorder.DisposeAsync();
            }
        }
    }

    private static string ProbePayload(string run, string user, string topic) => $"{run}|{user}|{topic}";

    private static async Task<MqttClientPublishReasonCode[]> PublishEverywhereAsync(
        MosquittoBroker broker, MatrixClient publisher, IReadOnlyList<string> topics, string run)
    {
        using var client = await TestMqtt.ConnectAsync(broker, publisher.User, publisher.Transport);
        var reasons = new MqttClientPublishReasonCode[topics.Count];
        for (var i = 0; i < topics.Count; i++)
        {
            // Awaiting each PUBACK keeps every publisher's probes in order and the queues short.
            var result = await client.PublishAsync(new MqttApplicationMessageBuilder()
                .WithTopic(topics[i])
                .WithPayload(ProbePayload(run, publisher.User, topics[i]))
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
                .Build());
            reasons[i] = result.ReasonCode;
        }

        await client.DisconnectAsync();
        return reasons;
    }

    /// <summary>
    /// After every probe was acknowledged, one more message per reader on a topic it may read:
    /// mosquitto delivers to a subscriber in order, so once the barrier is in, anything a probe
    /// would have delivered is in too, and a missing probe will never come.
    /// </summary>
    private static async Task WaitForBarriersAsync(
        MosquittoBroker broker, AclFile acl, IReadOnlyList<MatrixClient> readers, MessageRecorder[] recorders, string run)
    {
        var topics = ProbeTopics.Derive(acl, BrokerUsers.All);
        var barriers = readers.Select((reader, index) =>
        {
            var (writer, topic) = topics
                .SelectMany(t => BrokerUsers.All.Where(w => acl.Allows(w, t, AclAccess.Write)).Select(w => (Writer: w, Topic: t)))
                .First(candidate => acl.Allows(reader.User, candidate.Topic, AclAccess.Read));
            return BarrierAsync(broker, writer, topic, recorders[index], $"{run}|barrier|{index}");
        });
        await Task.WhenAll(barriers);
    }

    private static async Task BarrierAsync(MosquittoBroker broker, string writer, string topic, MessageRecorder recorder, string payload)
    {
        using var client = await TestMqtt.ConnectAsync(broker, writer);
        var result = await client.PublishAsync(new MqttApplicationMessageBuilder()
            .WithTopic(topic).WithPayload(payload).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());
        if (!result.IsSuccess)
        {
            throw new InvalidOperationException($"barrier publish by {writer} on {topic} refused: {result.ReasonCode}");
        }

        await recorder.WaitForAsync(m => m.PayloadText == payload, BarrierTimeout);
        await client.DisconnectAsync();
    }

    private static MatrixOutcome Evaluate(
        AclFile acl,
        IReadOnlyList<string> topics,
        IReadOnlyList<MatrixClient> publishers,
        IReadOnlyList<MatrixClient> readers,
        MessageRecorder[] recorders,
        MqttClientPublishReasonCode[][] results,
        string run)
    {
        var received = recorders.Select(r => r.Messages.Select(m => m.PayloadText).ToHashSet(StringComparer.Ordinal)).ToArray();
        var mismatches = new List<string>();
        int allowed = 0, refused = 0, deliveries = 0, withoutReader = 0;
        for (var p = 0; p < publishers.Count; p++)
        {
            var publisher = publishers[p];
            for (var t = 0; t < topics.Count; t++)
            {
                var topic = topics[t];
                var reason = results[p][t];
                var mayWrite = acl.Allows(publisher.User, topic, AclAccess.Write);
                var accepted = reason is MqttClientPublishReasonCode.Success or MqttClientPublishReasonCode.NoMatchingSubscribers;
                if (accepted)
                {
                    allowed++;
                }
                else if (reason == MqttClientPublishReasonCode.NotAuthorized)
                {
                    refused++;
                }
                else
                {
                    mismatches.Add($"{publisher} -> {topic}: unexpected PUBACK reason {reason}");
                }

                if (accepted != mayWrite)
                {
                    mismatches.Add($"{publisher} -> {topic}: ACL says {(mayWrite ? "may" : "may not")} write, broker answered {reason}");
                }

                var payload = ProbePayload(run, publisher.User, topic);
                var anyReader = false;
                for (var r = 0; r < readers.Count; r++)
                {
                    var mayRead = acl.Allows(readers[r].User, topic, AclAccess.Read);
                    anyReader |= mayRead;
                    var arrived = received[r].Contains(payload);
                    if (arrived)
                    {
                        deliveries++;
                    }

                    if (arrived != (mayWrite && mayRead))
                    {
                        mismatches.Add($"{publisher} -> {topic}: reader {readers[r]} {(arrived ? "received it" : "did not receive it")}" +
                            $" (ACL: publisher {(mayWrite ? "may" : "may not")} write, reader {(mayRead ? "may" : "may not")} read)");
                    }
                }

                if (mayWrite && !anyReader)
                {
                    withoutReader++;
                }
            }
        }

        return new MatrixOutcome(publishers.Count, topics.Count, readers.Count, allowed, refused,
            publishers.Count * topics.Count * readers.Count, deliveries, withoutReader, mismatches);
    }
}
