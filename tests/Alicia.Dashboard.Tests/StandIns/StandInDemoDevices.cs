using System.Buffers;
using System.Text;
using System.Text.Json.Nodes;
using Alicia.Testing;
using MQTTnet;
using MQTTnet.Protocol;

namespace Alicia.Dashboard.Tests.StandIns;

/// <summary>
/// Virtual devices under alicia-demo/, announced to the registry by Home Assistant MQTT discovery and
/// answering their commands with state, as the bridge user (which has nothing under alicia/). Stands in
/// for the demo-devices service until it can be hosted here.
/// </summary>
public sealed class StandInDemoDevices : IAsyncDisposable
{
    private const string Prefix = "alicia-demo/";

    private static readonly (string Component, string Id, string Name, string Area, string Config, (string Topic, string Payload)[] States)[] Devices =
    [
        ("light", "kitchen_light", "Kitchen light", "Kitchen",
            """{"command_topic":"alicia-demo/kitchen_light/set","state_topic":"alicia-demo/kitchen_light/state"}""",
            [("alicia-demo/kitchen_light/state", "OFF")]),
        ("light", "living_room_lamp", "Living room lamp", "Living room",
            """{"schema":"json","brightness":true,"command_topic":"alicia-demo/living_room_lamp/set","state_topic":"alicia-demo/living_room_lamp/state"}""",
            [("alicia-demo/living_room_lamp/state", """{"state":"ON","brightness":153}""")]),
        ("light", "bedroom_light", "Bedroom light", "Bedroom",
            """{"command_topic":"alicia-demo/bedroom_light/set","state_topic":"alicia-demo/bedroom_light/state"}""",
            [("alicia-demo/bedroom_light/state", "OFF")]),
        ("switch", "bedroom_fan", "Bedroom fan", "Bedroom",
            """{"command_topic":"alicia-demo/bedroom_fan/set","state_topic":"alicia-demo/bedroom_fan/state"}""",
            [("alicia-demo/bedroom_fan/state", "ON")]),
        ("lock", "front_door", "Front door", "Hall",
            """{"command_topic":"alicia-demo/front_door/set","state_topic":"alicia-demo/front_door/state"}""",
            [("alicia-demo/front_door/state", "LOCKED")]),
        ("climate", "thermostat", "Thermostat", "Hall",
            """{"temperature_command_topic":"alicia-demo/thermostat/target/set","temperature_state_topic":"alicia-demo/thermostat/target","current_temperature_topic":"alicia-demo/thermostat/current"}""",
            [("alicia-demo/thermostat/target", "21"), ("alicia-demo/thermostat/current", "20.5")]),
    ];

    private readonly IMqttClient _client;
    private readonly Dictionary<string, JsonObject> _jsonStates = [];

    private StandInDemoDevices(IMqttClient client) => _client = client;

    public static IReadOnlyList<string> Ids { get; } = [.. Devices.Select(d => d.Id)];

    public static async Task<StandInDemoDevices> StartAsync(MosquittoBroker broker)
    {
        var client = await TestMqtt.ConnectAsync(broker, "bridge");
        var demo = new StandInDemoDevices(client);
        client.ApplicationMessageReceivedAsync += e => demo.OnCommandAsync(e.ApplicationMessage.Topic, e.ApplicationMessage.Payload.ToArray());
        await client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder()
            .WithTopicFilter(f => f.WithTopic(Prefix + "#").WithNoLocal().WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)).Build());
        foreach (var device in Devices)
        {
            foreach (var (topic, payload) in device.States)
            {
                if (payload.StartsWith('{'))
                {
                    demo._jsonStates[topic] = JsonNode.Parse(payload)!.AsObject();
                }

                await demo.PublishAsync(topic, payload);
            }

            var config = JsonNode.Parse(device.Config)!.AsObject();
            config["name"] = device.Name;
            config["object_id"] = device.Id;
            config["unique_id"] = "demo_" + device.Id;
            config["device"] = new JsonObject { ["name"] = device.Name, ["identifiers"] = new JsonArray("demo_" + device.Id), ["suggested_area"] = device.Area };
            await demo.PublishAsync($"homeassistant/{device.Component}/{device.Id}/config", config.ToJsonString());
        }

        return demo;
    }

    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected)
        {
            await _client.DisconnectAsync();
        }

        _client.Dispose();
    }

    /// <summary>A command on .../set becomes the device's new state, as a real device would report it.</summary>
    private async Task OnCommandAsync(string topic, byte[] payload)
    {
        if (!topic.EndsWith("/set", StringComparison.Ordinal))
        {
            return;
        }

        var target = topic[..^"/set".Length];
        var stateTopic = target.Count(c => c == '/') == 1 ? target + "/state" : target;
        var text = Encoding.UTF8.GetString(payload);
        var state = text switch
        {
            "LOCK" => "LOCKED",
            "UNLOCK" => "UNLOCKED",
            _ when text.StartsWith('{') => MergeJson(stateTopic, text),
            _ => text,
        };
        await PublishAsync(stateTopic, state);
    }

    private string MergeJson(string stateTopic, string command)
    {
        lock (_jsonStates)
        {
            var state = _jsonStates.TryGetValue(stateTopic, out var known) ? known : [];
            foreach (var (key, value) in JsonNode.Parse(command)!.AsObject())
            {
                state[key] = value?.DeepClone();
            }

            _jsonStates[stateTopic] = state;
            return state.ToJsonString();
        }
    }

    private async Task PublishAsync(string topic, string payload) =>
        await _client.PublishAsync(new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(payload)
            .WithRetainFlag()
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build());
}
