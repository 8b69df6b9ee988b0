using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Alicia.Bus;
using Alicia.Contracts;
using Alicia.Contracts.Devices;
using Alicia.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using MQTTnet;
using MQTTnet.Protocol;

namespace Alicia.DemoDevices.Tests;

/// <summary>Test-side clients and readers for what crosses the broker.</summary>
internal static class Wire
{
    private static int _instances;

    public static async Task<BusClient> BusAsync(MosquittoBroker broker, string identity)
    {
        var client = new BusClient(new BusOptions
        {
            ServiceName = identity,
            Instance = $"test{Interlocked.Increment(ref _instances)}",
            Host = broker.Host,
            Port = broker.MqttPort,
            SecretsDirectory = broker.SecretsDirectory,
            CommandAttemptTimeout = TimeSpan.FromSeconds(3),
            CommandMaxAttempts = 2,
        }, new BusJson([]), NullLoggerFactory.Instance, TimeProvider.System);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await client.StartAsync(timeout.Token);
        return client;
    }

    public static Task<CommandResult> ExecuteAsync(this BusClient ai, string device, string action, double? value = null) =>
        ai.SendCommandAsync<DeviceCommand, CommandResult>(Topics.Command.Execute, new DeviceCommand(device, action, value));

    public static T? PayloadOf<T>(ReceivedMessage message, JsonTypeInfo<T> type)
    {
        if (message.Payload.Length == 0)
        {
            return default;
        }

        using var document = JsonDocument.Parse(message.Payload);
        return document.RootElement.GetProperty("payload").Deserialize(type);
    }

    public static DeviceList? LatestList(MessageRecorder recorder)
    {
        var last = recorder.Messages.LastOrDefault(m => m.Topic == Topics.Devices.List);
        return last is null ? null : PayloadOf(last, ContractsJson.Default.DeviceList);
    }

    public static DeviceState? LatestState(MessageRecorder recorder, string deviceId)
    {
        var last = recorder.Messages.LastOrDefault(m => m.Topic == Topics.Devices.State(deviceId));
        return last is null ? null : PayloadOf(last, ContractsJson.Default.DeviceState);
    }

    public static async Task PublishRawAsync(IMqttClient client, string topic, string payload)
    {
        var result = await client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(Encoding.UTF8.GetBytes(payload))
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());
        Assert.True(result.IsSuccess, $"the broker refused {topic}: {result.ReasonCode}");
    }

    public static async Task EventuallyAsync(Func<bool> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"timed out waiting for {what}");
            }

            await Task.Delay(20);
        }
    }
}
