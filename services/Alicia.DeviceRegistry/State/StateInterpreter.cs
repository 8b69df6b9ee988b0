using System.Globalization;
using System.Text.Json;
using Alicia.Contracts.Devices;
using Alicia.DeviceRegistry.Devices;
using Alicia.DeviceRegistry.Templates;

namespace Alicia.DeviceRegistry.State;

/// <summary>
/// Reads a device's own state messages into a <see cref="DeviceState"/>: one topic may feed several
/// fields (Zigbee2MQTT reports state, brightness and temperatures in one JSON object). Fields the message
/// does not carry keep their previous value; an unrecognised value changes nothing.
/// </summary>
public static class StateInterpreter
{
    public const string Unknown = "unknown";

    public static DeviceState Initial(string deviceId) => new(deviceId, Unknown);

    public static DeviceState Apply(Device device, string topic, string payload, DeviceState current)
    {
        ArgumentNullException.ThrowIfNull(device);
        ArgumentNullException.ThrowIfNull(current);
        var mqtt = device.Mqtt;
        var state = current;
        switch (device.Type)
        {
            case DeviceTypes.Light or DeviceTypes.Switch or DeviceTypes.Fan:
                if (topic == mqtt.StateTopic)
                {
                    state = mqtt.IsJsonSchema ? JsonLight(mqtt, payload, state) : state with { State = OnOff(mqtt, payload) ?? state.State };
                }

                if (topic == mqtt.BrightnessStateTopic && Number(mqtt.BrightnessValueTemplate, payload) is { } level)
                {
                    state = state with { Brightness = Percent(level, mqtt.BrightnessScale) };
                }

                break;
            case DeviceTypes.BinarySensor when topic == mqtt.StateTopic:
                state = state with { State = OnOff(mqtt, payload) ?? state.State };
                break;
            case DeviceTypes.Sensor when topic == mqtt.StateTopic && ValueTemplate.TryRender(mqtt.ValueTemplate, payload, out var reading):
                state = state with { State = reading.Trim() };
                if (IsTemperature(mqtt) && ParseNumber(reading) is { } temperature)
                {
                    state = state with { Temperature = temperature };
                }

                break;
            case DeviceTypes.Climate:
                state = Climate(mqtt, topic, payload, state);
                break;
            case DeviceTypes.Cover:
                state = Cover(mqtt, topic, payload, state);
                break;
            case DeviceTypes.Lock when topic == mqtt.StateTopic && ValueTemplate.TryRender(mqtt.ValueTemplate, payload, out var lockState):
                state = state with { State = Match(lockState, [
                    (mqtt.StateLocked ?? MqttDefaults.StateLocked, "locked"),
                    (mqtt.StateUnlocked ?? MqttDefaults.StateUnlocked, "unlocked"),
                    (mqtt.StateLocking ?? MqttDefaults.StateLocking, "locking"),
                    (mqtt.StateUnlocking ?? MqttDefaults.StateUnlocking, "unlocking"),
                    (mqtt.StateJammed ?? MqttDefaults.StateJammed, "jammed"),
                ]) ?? state.State };
                break;
        }

        return state;
    }

    private static string? OnOff(MqttBinding mqtt, string payload)
    {
        if (!ValueTemplate.TryRender(mqtt.StateValueTemplate ?? mqtt.ValueTemplate, payload, out var value))
        {
            return null;
        }

        return Match(value, [
            (mqtt.StateOn ?? mqtt.PayloadOn ?? MqttDefaults.PayloadOn, "on"),
            (mqtt.StateOff ?? mqtt.PayloadOff ?? MqttDefaults.PayloadOff, "off"),
        ]);
    }

    private static DeviceState JsonLight(MqttBinding mqtt, string payload, DeviceState state)
    {
        try
        {
            using var document = JsonDocument.Parse(payload);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return state;
            }

            if (root.TryGetProperty("state", out var power) && power.ValueKind == JsonValueKind.String
                && Match(power.GetString()!, [("ON", "on"), ("OFF", "off")]) is { } onOff)
            {
                state = state with { State = onOff };
            }

            if (root.TryGetProperty("brightness", out var brightness) && brightness.ValueKind == JsonValueKind.Number)
            {
                state = state with { Brightness = Percent(brightness.GetDouble(), mqtt.BrightnessScale) };
            }

            return state;
        }
        catch (JsonException)
        {
            return state;
        }
    }

    private static DeviceState Climate(MqttBinding mqtt, string topic, string payload, DeviceState state)
    {
        if (topic == mqtt.TemperatureStateTopic && Number(mqtt.TemperatureStateTemplate, payload) is { } target)
        {
            state = state with { TargetTemperature = target };
        }

        if (topic == mqtt.CurrentTemperatureTopic && Number(mqtt.CurrentTemperatureTemplate, payload) is { } temperature)
        {
            state = state with { Temperature = temperature };
        }

        if (topic == mqtt.ModeStateTopic && ValueTemplate.TryRender(mqtt.ModeStateTemplate, payload, out var mode) && mode.Trim().Length > 0)
        {
            state = state with { State = mode.Trim().ToLowerInvariant() };
        }

        return state;
    }

    private static DeviceState Cover(MqttBinding mqtt, string topic, string payload, DeviceState state)
    {
        if (topic == mqtt.StateTopic && ValueTemplate.TryRender(mqtt.ValueTemplate, payload, out var value))
        {
            state = state with { State = Match(value, [
                (mqtt.StateOpen ?? MqttDefaults.StateOpen, "open"),
                (mqtt.StateClosed ?? MqttDefaults.StateClosed, "closed"),
                (mqtt.StateOpening ?? MqttDefaults.StateOpening, "opening"),
                (mqtt.StateClosing ?? MqttDefaults.StateClosing, "closing"),
                (mqtt.StateStopped ?? MqttDefaults.StateStopped, "stopped"),
                (mqtt.PayloadOpen ?? MqttDefaults.PayloadOpen, "open"),
                (mqtt.PayloadClose ?? MqttDefaults.PayloadClose, "closed"),
            ]) ?? state.State };
        }

        // Without a state topic, the position says whether the cover is open (as in Home Assistant).
        if (topic == mqtt.PositionTopic && mqtt.StateTopic is null && Number(mqtt.PositionTemplate, payload) is { } position)
        {
            state = state with { State = position > (mqtt.PositionClosed ?? MqttDefaults.PositionClosed) ? "open" : "closed" };
        }

        return state;
    }

    /// <summary>The state name for a value: exact match first, then ignoring case (bridges differ on ON vs on).</summary>
    private static string? Match(string value, (string Expected, string State)[] options)
    {
        foreach (var (expected, state) in options)
        {
            if (string.Equals(value, expected, StringComparison.Ordinal))
            {
                return state;
            }
        }

        foreach (var (expected, state) in options)
        {
            if (string.Equals(value.Trim(), expected, StringComparison.OrdinalIgnoreCase))
            {
                return state;
            }
        }

        return null;
    }

    private static double? Number(string? template, string payload) =>
        ValueTemplate.TryRender(template, payload, out var value) ? ParseNumber(value) : null;

    private static double? ParseNumber(string value) =>
        double.TryParse(value.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number) ? number : null;

    private static double Percent(double level, double? scale) =>
        Math.Clamp(Math.Round(level / (scale is > 0 ? scale.Value : MqttDefaults.BrightnessScale) * 100), 0, 100);

    private static bool IsTemperature(MqttBinding mqtt) =>
        mqtt.DeviceClass == "temperature" || mqtt.UnitOfMeasurement is "°C" or "°F" or "K";
}
