namespace Alicia.DeviceRegistry.Devices;

/// <summary>
/// How to talk to one device over its own MQTT protocol: the subset of a Home Assistant MQTT config the
/// registry understands. Property names are Home Assistant's full option names in snake_case, so the
/// stored JSON reads like a (non-abbreviated) discovery config. Null means "not configured": the
/// Home Assistant default applies where there is one (see <see cref="MqttDefaults"/>).
/// </summary>
public sealed record MqttBinding
{
    // ---- on/off (light, switch, fan) and shared --------------------------------------------
    public string? CommandTopic { get; init; }
    public string? CommandTemplate { get; init; }
    public string? StateTopic { get; init; }
    public string? ValueTemplate { get; init; }

    /// <summary>Lights name their state template <c>state_value_template</c>; other components use <c>value_template</c>.</summary>
    public string? StateValueTemplate { get; init; }

    public string? PayloadOn { get; init; }
    public string? PayloadOff { get; init; }
    public string? StateOn { get; init; }
    public string? StateOff { get; init; }
    public bool? Optimistic { get; init; }

    // ---- lights --------------------------------------------------------------------------
    /// <summary>"json" for lights that take and report JSON objects (Zigbee2MQTT, ESPHome); otherwise plain payloads.</summary>
    public string? Schema { get; init; }

    /// <summary>JSON-schema lights: whether they take a brightness.</summary>
    public bool? Brightness { get; init; }

    public IReadOnlyList<string>? SupportedColorModes { get; init; }
    public double? BrightnessScale { get; init; }
    public string? BrightnessCommandTopic { get; init; }
    public string? BrightnessCommandTemplate { get; init; }
    public string? BrightnessStateTopic { get; init; }
    public string? BrightnessValueTemplate { get; init; }

    /// <summary>"last" (default: brightness, then ON), "first" (ON, then brightness) or "brightness" (brightness only).</summary>
    public string? OnCommandType { get; init; }

    // ---- climate -------------------------------------------------------------------------
    public string? TemperatureCommandTopic { get; init; }
    public string? TemperatureCommandTemplate { get; init; }
    public string? TemperatureStateTopic { get; init; }
    public string? TemperatureStateTemplate { get; init; }
    public string? CurrentTemperatureTopic { get; init; }
    public string? CurrentTemperatureTemplate { get; init; }
    public string? ModeCommandTopic { get; init; }
    public string? ModeCommandTemplate { get; init; }
    public string? ModeStateTopic { get; init; }
    public string? ModeStateTemplate { get; init; }
    public IReadOnlyList<string>? Modes { get; init; }
    public string? PowerCommandTopic { get; init; }
    public double? MinTemp { get; init; }
    public double? MaxTemp { get; init; }
    public double? TempStep { get; init; }

    // ---- cover ---------------------------------------------------------------------------
    public string? PositionTopic { get; init; }
    public string? PositionTemplate { get; init; }
    public string? SetPositionTopic { get; init; }
    public string? SetPositionTemplate { get; init; }
    public double? PositionOpen { get; init; }
    public double? PositionClosed { get; init; }
    public string? PayloadOpen { get; init; }
    public string? PayloadClose { get; init; }
    public string? PayloadStop { get; init; }
    public string? StateOpen { get; init; }
    public string? StateOpening { get; init; }
    public string? StateClosed { get; init; }
    public string? StateClosing { get; init; }
    public string? StateStopped { get; init; }

    // ---- lock ----------------------------------------------------------------------------
    public string? PayloadLock { get; init; }
    public string? PayloadUnlock { get; init; }
    public string? StateLocked { get; init; }
    public string? StateUnlocked { get; init; }
    public string? StateLocking { get; init; }
    public string? StateUnlocking { get; init; }
    public string? StateJammed { get; init; }

    // ---- sensors and extras --------------------------------------------------------------
    public string? UnitOfMeasurement { get; init; }
    public string? DeviceClass { get; init; }
    public string? JsonAttributesTopic { get; init; }

    public bool IsJsonSchema => string.Equals(Schema, "json", StringComparison.OrdinalIgnoreCase);

    /// <summary>A JSON light that says so (or lists a color mode beyond on/off), or a plain light with a brightness topic.</summary>
    public bool SupportsBrightness => IsJsonSchema
        ? Brightness == true || SupportedColorModes?.Any(mode => mode is not ("onoff" or "unknown")) == true
        : BrightnessCommandTopic is not null;

    /// <summary>Every topic the device reports state on (the registry follows these).</summary>
    public IEnumerable<string> StateTopics()
    {
        string?[] topics = [StateTopic, BrightnessStateTopic, TemperatureStateTopic, CurrentTemperatureTopic, ModeStateTopic, PositionTopic];
        return topics.OfType<string>().Distinct(StringComparer.Ordinal);
    }

    /// <summary>Every topic the registry may publish commands to.</summary>
    public IEnumerable<string> CommandTopics()
    {
        string?[] topics = [CommandTopic, BrightnessCommandTopic, TemperatureCommandTopic, ModeCommandTopic, PowerCommandTopic, SetPositionTopic];
        return topics.OfType<string>().Distinct(StringComparer.Ordinal);
    }
}
