using System.Globalization;
using System.Text.Json.Nodes;

namespace Alicia.DemoDevices.Devices;

/// <summary>
/// A heating thermostat announced ESPHome-style (climate with separate target, current and mode topics).
/// While heating, the room warms towards the target by half a degree per simulation tick; when off it cools.
/// </summary>
public sealed class Thermostat(string id, string name, string area, string topicPrefix)
    : VirtualDevice(id, "climate", name, area, topicPrefix)
{
    public const double MinTarget = 10;
    public const double MaxTarget = 30;
    public const double Step = 0.5;
    private const double Unheated = 17;

    public double Target { get; private set; } = 21;

    public double Current { get; private set; } = 19.5;

    public string Mode { get; private set; } = "heat";

    public string TargetCommandTopic => $"{BaseTopic}/target/set";

    public string ModeCommandTopic => $"{BaseTopic}/mode/set";

    public override IReadOnlyList<string> CommandTopics => [TargetCommandTopic, ModeCommandTopic];

    public override string DiscoveryConfig(string availabilityTopic) => new JsonObject
    {
        ["~"] = BaseTopic,
        ["name"] = Name,
        ["obj_id"] = Id,
        ["uniq_id"] = $"alicia-demo-{Id}",
        ["temp_cmd_t"] = "~/target/set",
        ["temp_stat_t"] = "~/target",
        ["curr_temp_t"] = "~/current",
        ["mode_cmd_t"] = "~/mode/set",
        ["mode_stat_t"] = "~/mode",
        ["modes"] = new JsonArray("off", "heat"),
        ["min_temp"] = MinTarget,
        ["max_temp"] = MaxTarget,
        ["temp_step"] = Step,
        ["temp_unit"] = "C",
        ["avty_t"] = availabilityTopic,
        ["dev"] = DeviceBlock("Virtual thermostat"),
    }.ToJsonString();

    public override bool Handle(string topic, string payload)
    {
        if (topic == TargetCommandTopic && double.TryParse(payload.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var target)
            && double.IsFinite(target))
        {
            Target = Math.Clamp(Math.Round(target / Step) * Step, MinTarget, MaxTarget);
            return true;
        }

        if (topic == ModeCommandTopic && (Is(payload, "off") || Is(payload, "heat")))
        {
            Mode = payload.Trim().ToLowerInvariant();
            return true;
        }

        return false;
    }

    public override bool Tick()
    {
        var goal = Mode == "heat" ? Target : Unheated;
        if (Math.Abs(Current - goal) < Step / 2)
        {
            return false;
        }

        Current += Current < goal ? Step : -Step;
        return true;
    }

    public override IReadOnlyList<DeviceMessage> StateMessages() =>
    [
        new($"{BaseTopic}/target", Format(Target)),
        new($"{BaseTopic}/current", Format(Current)),
        new($"{BaseTopic}/mode", Mode),
    ];

    private static string Format(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);
}
