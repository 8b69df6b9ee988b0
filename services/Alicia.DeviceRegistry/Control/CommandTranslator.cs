using System.Globalization;
using Alicia.Bus;
using Alicia.Contracts.Devices;
using Alicia.DeviceRegistry.Devices;
using Alicia.DeviceRegistry.Templates;

namespace Alicia.DeviceRegistry.Control;

/// <summary>
/// Translates a <see cref="DeviceCommand"/> into the device's own messages: plain ON/OFF payloads (per
/// payload_on / payload_off), JSON objects for JSON-schema lights, brightness scaled to the device's
/// brightness_scale, climate temperatures and modes, cover open/close/stop/position, lock/unlock.
/// A command the device cannot take is a <see cref="CommandRejectedException"/> saying why.
/// </summary>
public static class CommandTranslator
{
    public static IReadOnlyList<DeviceMessage> Translate(Device device, DeviceCommand command, DeviceState? current)
    {
        ArgumentNullException.ThrowIfNull(device);
        ArgumentNullException.ThrowIfNull(command);
        return device.Type switch
        {
            DeviceTypes.Light or DeviceTypes.Switch or DeviceTypes.Fan => OnOff(device, command, current),
            DeviceTypes.Climate => Climate(device, command),
            DeviceTypes.Cover => Cover(device, command),
            DeviceTypes.Lock => Lock(device, command),
            _ => throw new CommandRejectedException($"device '{device.Id}' is a {device.Type}: it can only be read, not controlled"),
        };
    }

    /// <summary>The actions a device type takes (for error messages and the CLI).</summary>
    public static IReadOnlyList<string> ActionsFor(string type) => type switch
    {
        DeviceTypes.Light => [DeviceActions.TurnOn, DeviceActions.TurnOff, DeviceActions.Toggle, DeviceActions.SetBrightness],
        DeviceTypes.Switch or DeviceTypes.Fan => [DeviceActions.TurnOn, DeviceActions.TurnOff, DeviceActions.Toggle],
        DeviceTypes.Climate => [DeviceActions.SetTemperature, DeviceActions.TurnOn, DeviceActions.TurnOff],
        DeviceTypes.Cover => [DeviceActions.Open, DeviceActions.Close, ExtraActions.Stop, ExtraActions.SetPosition],
        DeviceTypes.Lock => [DeviceActions.Lock, DeviceActions.Unlock],
        _ => [],
    };

    private static List<DeviceMessage> OnOff(Device device, DeviceCommand command, DeviceState? current)
    {
        switch (command.Action)
        {
            case DeviceActions.TurnOn:
                return [Power(device, on: true)];
            case DeviceActions.TurnOff:
                return [Power(device, on: false)];
            case DeviceActions.Toggle:
                return [Power(device, on: current?.State != "on")];
            case DeviceActions.SetBrightness when device.Type == DeviceTypes.Light:
                var percent = Percent(device, command, "brightness");
                if (!device.Dimmable)
                {
                    throw new CommandRejectedException($"device '{device.Id}' is not dimmable");
                }

                return percent <= 0 ? [Power(device, on: false)] : Brightness(device, percent);
            default:
                throw Unsupported(device, command.Action);
        }
    }

    private static DeviceMessage Power(Device device, bool on)
    {
        var mqtt = device.Mqtt;
        var topic = mqtt.CommandTopic ?? throw new CommandRejectedException($"device '{device.Id}' has no command topic: it can only be read");
        if (mqtt.IsJsonSchema)
        {
            return new DeviceMessage(topic, on ? """{"state":"ON"}""" : """{"state":"OFF"}""");
        }

        return new DeviceMessage(topic, on ? mqtt.PayloadOn ?? MqttDefaults.PayloadOn : mqtt.PayloadOff ?? MqttDefaults.PayloadOff);
    }

    private static List<DeviceMessage> Brightness(Device device, double percent)
    {
        var mqtt = device.Mqtt;
        var level = Math.Max(1, Math.Round(percent / 100 * (mqtt.BrightnessScale ?? MqttDefaults.BrightnessScale)));
        if (mqtt.IsJsonSchema)
        {
            var json = string.Create(CultureInfo.InvariantCulture, $$"""{"state":"ON","brightness":{{level}}}""");
            return [new DeviceMessage(mqtt.CommandTopic!, json)];
        }

        var brightness = new DeviceMessage(mqtt.BrightnessCommandTopic!, Render(device, mqtt.BrightnessCommandTemplate, level));
        return mqtt.OnCommandType switch
        {
            "brightness" => [brightness],
            "first" => [Power(device, on: true), brightness],
            _ => [brightness, Power(device, on: true)],
        };
    }

    private static List<DeviceMessage> Climate(Device device, DeviceCommand command)
    {
        var mqtt = device.Mqtt;
        switch (command.Action)
        {
            case DeviceActions.SetTemperature:
                var topic = mqtt.TemperatureCommandTopic
                    ?? throw new CommandRejectedException($"device '{device.Id}' has no temperature_command_topic: it cannot set a temperature");
                var value = command.Value ?? throw new CommandRejectedException($"'{DeviceActions.SetTemperature}' needs a value (the temperature)");
                var (min, max) = (mqtt.MinTemp ?? MqttDefaults.MinTemp, mqtt.MaxTemp ?? MqttDefaults.MaxTemp);
                if (double.IsNaN(value) || value < min || value > max)
                {
                    throw new CommandRejectedException(
                        $"temperature {CommandTemplate.FormatNumber(value)} is outside {CommandTemplate.FormatNumber(min)}-{CommandTemplate.FormatNumber(max)} for '{device.Id}'");
                }

                if (mqtt.TempStep is > 0 and var step)
                {
                    value = Math.Round(value / step) * step;
                }

                return [new DeviceMessage(topic, Render(device, mqtt.TemperatureCommandTemplate, value))];
            case DeviceActions.TurnOn or DeviceActions.TurnOff:
                var on = command.Action == DeviceActions.TurnOn;
                if (mqtt.PowerCommandTopic is { } power)
                {
                    return [new DeviceMessage(power, on ? mqtt.PayloadOn ?? MqttDefaults.PayloadOn : mqtt.PayloadOff ?? MqttDefaults.PayloadOff)];
                }

                if (mqtt.ModeCommandTopic is { } modeTopic)
                {
                    var mode = on ? PreferredMode(mqtt.Modes ?? MqttDefaults.Modes) : "off";
                    var payload = CommandTemplate.Render(mqtt.ModeCommandTemplate, mode)
                        ?? throw new CommandRejectedException($"device '{device.Id}': its mode command template is not supported");
                    return [new DeviceMessage(modeTopic, payload)];
                }

                throw new CommandRejectedException($"device '{device.Id}' has no mode or power command topic: it cannot be switched");
            default:
                throw Unsupported(device, command.Action);
        }
    }

    private static List<DeviceMessage> Cover(Device device, DeviceCommand command)
    {
        var mqtt = device.Mqtt;
        return command.Action switch
        {
            DeviceActions.Open or DeviceActions.TurnOn => [Move(device, mqtt.PayloadOpen ?? MqttDefaults.PayloadOpen, 100)],
            DeviceActions.Close or DeviceActions.TurnOff => [Move(device, mqtt.PayloadClose ?? MqttDefaults.PayloadClose, 0)],
            ExtraActions.Stop when mqtt.CommandTopic is { } topic => [new DeviceMessage(topic, mqtt.PayloadStop ?? MqttDefaults.PayloadStop)],
            ExtraActions.SetPosition => [Position(device, Percent(device, command, "position"))],
            _ => throw Unsupported(device, command.Action),
        };
    }

    // Covers without a plain command topic are moved by position alone.
    private static DeviceMessage Move(Device device, string payload, double fallbackPercent) =>
        device.Mqtt.CommandTopic is { } topic ? new DeviceMessage(topic, payload) : Position(device, fallbackPercent);

    private static DeviceMessage Position(Device device, double percent)
    {
        var mqtt = device.Mqtt;
        var topic = mqtt.SetPositionTopic ?? throw new CommandRejectedException($"device '{device.Id}' has no set_position_topic: it cannot be positioned");
        var closed = mqtt.PositionClosed ?? MqttDefaults.PositionClosed;
        var open = mqtt.PositionOpen ?? MqttDefaults.PositionOpen;
        return new DeviceMessage(topic, Render(device, mqtt.SetPositionTemplate, Math.Round(closed + (percent / 100 * (open - closed)))));
    }

    private static List<DeviceMessage> Lock(Device device, DeviceCommand command)
    {
        var mqtt = device.Mqtt;
        var topic = mqtt.CommandTopic ?? throw new CommandRejectedException($"device '{device.Id}' has no command topic");
        return command.Action switch
        {
            DeviceActions.Lock => [new DeviceMessage(topic, mqtt.PayloadLock ?? MqttDefaults.PayloadLock)],
            DeviceActions.Unlock => [new DeviceMessage(topic, mqtt.PayloadUnlock ?? MqttDefaults.PayloadUnlock)],
            DeviceActions.Open when mqtt.PayloadOpen is { } open => [new DeviceMessage(topic, open)],
            _ => throw Unsupported(device, command.Action),
        };
    }

    private static double Percent(Device device, DeviceCommand command, string what)
    {
        var value = command.Value ?? throw new CommandRejectedException($"'{command.Action}' needs a value (the {what}, 0-100)");
        return double.IsNaN(value) || value < 0 || value > 100
            ? throw new CommandRejectedException($"{what} {CommandTemplate.FormatNumber(value)} for '{device.Id}' is outside 0-100")
            : value;
    }

    private static string Render(Device device, string? template, double value) =>
        CommandTemplate.Render(template, value)
        ?? throw new CommandRejectedException($"device '{device.Id}': command template '{template}' is not supported");

    private static string PreferredMode(IReadOnlyList<string> modes) =>
        modes.FirstOrDefault(m => m == "heat") ?? modes.FirstOrDefault(m => m == "auto") ?? modes.FirstOrDefault(m => m != "off") ?? "auto";

    private static CommandRejectedException Unsupported(Device device, string action) =>
        new($"device '{device.Id}' ({device.Type}) cannot '{action}'; it can: {string.Join(", ", ActionsFor(device.Type))}");
}
