using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Alicia.DemoDevices.Devices;

/// <summary>
/// A dimmable lamp with a JSON-schema interface, as Zigbee2MQTT and ESPHome lights have: it takes
/// <c>{"state":"ON","brightness":128}</c> (brightness 0-255) and reports the same shape.
/// </summary>
public sealed class DimmableLamp(string id, string name, string area, string topicPrefix)
    : VirtualDevice(id, "light", name, area, topicPrefix)
{
    public const int MaxBrightness = 255;

    public bool IsOn { get; private set; }

    public int Brightness { get; private set; } = 128;

    public string CommandTopic => $"{BaseTopic}/set";

    public string StateTopic => $"{BaseTopic}/state";

    public override IReadOnlyList<string> CommandTopics => [CommandTopic];

    public override string DiscoveryConfig(string availabilityTopic) => new JsonObject
    {
        ["~"] = BaseTopic,
        ["name"] = Name,
        ["obj_id"] = Id,
        ["uniq_id"] = $"alicia-demo-{Id}",
        ["schema"] = "json",
        ["brightness"] = true,
        ["bri_scl"] = MaxBrightness,
        ["sup_clrm"] = new JsonArray("brightness"),
        ["cmd_t"] = "~/set",
        ["stat_t"] = "~/state",
        ["avty_t"] = availabilityTopic,
        ["dev"] = DeviceBlock("Virtual dimmable lamp"),
    }.ToJsonString();

    public override bool Handle(string topic, string payload)
    {
        if (topic != CommandTopic)
        {
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(payload);
            var command = document.RootElement;
            if (command.ValueKind != JsonValueKind.Object)
            {
                return false;
            }

            var understood = false;
            if (command.TryGetProperty("brightness", out var level) && level.TryGetDouble(out var brightness))
            {
                Brightness = (int)Math.Clamp(Math.Round(brightness), 0, MaxBrightness);
                IsOn = Brightness > 0;
                understood = true;
            }

            if (command.TryGetProperty("state", out var state) && state.ValueKind == JsonValueKind.String
                && (Is(state.GetString()!, "ON") || Is(state.GetString()!, "OFF")))
            {
                IsOn = Is(state.GetString()!, "ON");
                understood = true;
            }

            return understood;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    public override IReadOnlyList<DeviceMessage> StateMessages() =>
        [new DeviceMessage(StateTopic, string.Create(CultureInfo.InvariantCulture,
            $$"""{"state":"{{(IsOn ? "ON" : "OFF")}}","brightness":{{Brightness}},"color_mode":"brightness"}"""))];
}
