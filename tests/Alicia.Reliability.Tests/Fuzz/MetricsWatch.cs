using System.Buffers;
using System.Collections.Concurrent;
using System.Text.Json;
using Alicia.Bus;
using Alicia.Contracts;
using Alicia.Testing;
using MQTTnet;
using MQTTnet.Protocol;

namespace Alicia.Reliability.Tests.Fuzz;

/// <summary>
/// The services' own metrics snapshots as they arrive on alicia/monitoring/metrics/{service}, and the
/// correlation ids seen on answer topics. Only the newest snapshot per service and the ids are kept, so the
/// watcher's own memory does not count against the services' in the fuzz.
/// </summary>
internal sealed class MetricsWatch : IDisposable
{
    private readonly IMqttClient _client;
    private readonly BusJson _json;
    private readonly ConcurrentDictionary<string, (long Sequence, MetricsSnapshot Snapshot)> _latest = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _answers = new(StringComparer.Ordinal);
    private long _sequence;

    private MetricsWatch(IMqttClient client, BusJson json)
    {
        _client = client;
        _json = json;
        client.ApplicationMessageReceivedAsync += e =>
        {
            Receive(e.ApplicationMessage.Topic, e.ApplicationMessage.Payload.ToArray());
            return Task.CompletedTask;
        };
    }

    public static async Task<MetricsWatch> StartAsync(MosquittoBroker broker, BusJson json, IEnumerable<string> answerTopics)
    {
        var client = await TestMqtt.ConnectAsync(broker, ServiceNames.Cli);
        var watch = new MetricsWatch(client, json);
        var subscribe = new MqttClientSubscribeOptionsBuilder()
            .WithTopicFilter(f => f.WithTopic(Topics.Monitoring.AllMetrics).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce));
        foreach (var topic in answerTopics)
        {
            subscribe.WithTopicFilter(f => f.WithTopic(topic).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce));
        }

        await client.SubscribeAsync(subscribe.Build());
        return watch;
    }

    /// <summary>The newest snapshot of <paramref name="service"/>, or null before its first.</summary>
    public MetricsSnapshot? Latest(string service) => _latest.TryGetValue(service, out var latest) ? latest.Snapshot : null;

    /// <summary>A snapshot published after this call (the newest one may predate what the caller just did).</summary>
    public async Task<MetricsSnapshot> NextAsync(string service, TimeSpan timeout)
    {
        var after = Interlocked.Read(ref _sequence);
        await Clients.EventuallyAsync(() => _latest.TryGetValue(service, out var latest) && latest.Sequence > after, timeout, $"a metrics snapshot of {service}");
        return Latest(service)!;
    }

    /// <summary>The topic an answer correlated to <paramref name="messageId"/> came on, or null.</summary>
    public string? AnswerTo(string messageId) => _answers.GetValueOrDefault(messageId);

    public void Dispose() => _client.Dispose();

    private void Receive(string topic, byte[] payload)
    {
        try
        {
            using var document = JsonDocument.Parse(payload);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return;
            }

            if (topic.StartsWith("alicia/monitoring/metrics/", StringComparison.Ordinal))
            {
                var snapshot = _json.FromElement<MetricsSnapshot>(root.GetProperty("payload"));
                _latest[snapshot.Service] = (Interlocked.Increment(ref _sequence), snapshot);
            }
            else if (root.TryGetProperty("correlation_id", out var correlation) && correlation.ValueKind == JsonValueKind.String)
            {
                _answers[correlation.GetString()!] = topic;
            }
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            // The answer topics are fuzzed too: their garbage is not an answer.
        }
    }
}
