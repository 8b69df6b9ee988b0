using Alicia.Contracts;
using Alicia.DeviceRegistry.Devices;
using Alicia.DeviceRegistry.Templates;

namespace Alicia.DeviceRegistry.Discovery;

/// <summary>
/// Whether a binding can work for a device type, and the topics in it are safe to use: concrete (no
/// wildcards) and outside <c>alicia/</c>, so a device definition can never make the registry write raw
/// bytes onto Alicia's own topics.
/// </summary>
public static class MqttBindingValidator
{
    private const int MaxTopicLength = 256;

    /// <summary>The first problem found, or null when the binding is usable.</summary>
    public static string? Problem(string type, MqttBinding binding)
    {
        ArgumentNullException.ThrowIfNull(binding);
        foreach (var topic in binding.StateTopics().Concat(binding.CommandTopics()).Append(binding.JsonAttributesTopic).OfType<string>())
        {
            if (TopicProblem(topic) is { } problem)
            {
                return problem;
            }
        }

        return type switch
        {
            DeviceTypes.Light when binding.CommandTopic is null => "a light needs a command_topic",
            DeviceTypes.Switch or DeviceTypes.Fan when binding.CommandTopic is null && binding.StateTopic is null =>
                $"a {type} needs a command_topic or a state_topic",
            DeviceTypes.Sensor or DeviceTypes.BinarySensor when binding.StateTopic is null => $"a {type} needs a state_topic",
            DeviceTypes.Lock when binding.CommandTopic is null => "a lock needs a command_topic",
            DeviceTypes.Climate when !binding.StateTopics().Any() && !binding.CommandTopics().Any() =>
                "a climate device needs a temperature or mode topic",
            DeviceTypes.Cover when !binding.StateTopics().Any() && !binding.CommandTopics().Any() =>
                "a cover needs a command_topic, set_position_topic, state_topic or position_topic",
            _ => null,
        };
    }

    /// <summary>Templates the registry cannot evaluate (it then reads the raw payload or refuses the command).</summary>
    public static IReadOnlyList<string> UnsupportedTemplates(MqttBinding binding)
    {
        ArgumentNullException.ThrowIfNull(binding);
        string?[] valueTemplates = [binding.ValueTemplate, binding.StateValueTemplate, binding.BrightnessValueTemplate,
            binding.TemperatureStateTemplate, binding.CurrentTemperatureTemplate, binding.ModeStateTemplate, binding.PositionTemplate];
        string?[] commandTemplates = [binding.BrightnessCommandTemplate, binding.TemperatureCommandTemplate, binding.SetPositionTemplate];
        return
        [
            .. valueTemplates.OfType<string>().Where(t => !ValueTemplate.IsSupported(t)),
            .. commandTemplates.OfType<string>().Where(t => CommandTemplate.Render(t, 1) is null),
        ];
    }

    public static string? TopicProblem(string topic)
    {
        if (string.IsNullOrWhiteSpace(topic))
        {
            return "a topic must not be empty";
        }

        if (topic.Length > MaxTopicLength)
        {
            return $"topic '{topic[..32]}...' is longer than {MaxTopicLength} characters";
        }

        if (topic.IndexOfAny(['+', '#', '\0']) >= 0)
        {
            return $"topic '{topic}' must be a concrete topic, without wildcards";
        }

        if (topic.StartsWith(Topics.Root + "/", StringComparison.Ordinal) || topic == Topics.Root || topic.StartsWith('$'))
        {
            return $"topic '{topic}' is reserved: device topics live outside alicia/ and $";
        }

        return null;
    }
}
