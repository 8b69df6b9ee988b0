using Alicia.DeviceRegistry.Devices;

namespace Alicia.DeviceRegistry.Discovery;

/// <summary>Reads the options the registry uses from an expanded Home Assistant MQTT config.</summary>
public static class MqttBindingReader
{
    public static MqttBinding Read(DiscoveryConfig c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return new MqttBinding
        {
            CommandTopic = c.Text("command_topic"),
            CommandTemplate = c.Text("command_template"),
            StateTopic = c.Text("state_topic"),
            ValueTemplate = c.Text("value_template"),
            StateValueTemplate = c.Text("state_value_template"),
            PayloadOn = c.Text("payload_on"),
            PayloadOff = c.Text("payload_off"),
            StateOn = c.Text("state_on"),
            StateOff = c.Text("state_off"),
            Optimistic = c.Flag("optimistic"),
            Schema = c.Text("schema"),
            Brightness = c.Flag("brightness"),
            SupportedColorModes = c.TextList("supported_color_modes"),
            BrightnessScale = c.Number("brightness_scale"),
            BrightnessCommandTopic = c.Text("brightness_command_topic"),
            BrightnessCommandTemplate = c.Text("brightness_command_template"),
            BrightnessStateTopic = c.Text("brightness_state_topic"),
            BrightnessValueTemplate = c.Text("brightness_value_template"),
            OnCommandType = c.Text("on_command_type"),
            TemperatureCommandTopic = c.Text("temperature_command_topic"),
            TemperatureCommandTemplate = c.Text("temperature_command_template"),
            TemperatureStateTopic = c.Text("temperature_state_topic"),
            TemperatureStateTemplate = c.Text("temperature_state_template"),
            CurrentTemperatureTopic = c.Text("current_temperature_topic"),
            CurrentTemperatureTemplate = c.Text("current_temperature_template"),
            ModeCommandTopic = c.Text("mode_command_topic"),
            ModeCommandTemplate = c.Text("mode_command_template"),
            ModeStateTopic = c.Text("mode_state_topic"),
            ModeStateTemplate = c.Text("mode_state_template"),
            Modes = c.TextList("modes"),
            PowerCommandTopic = c.Text("power_command_topic"),
            MinTemp = c.Number("min_temp"),
            MaxTemp = c.Number("max_temp"),
            TempStep = c.Number("temp_step"),
            PositionTopic = c.Text("position_topic"),
            PositionTemplate = c.Text("position_template"),
            SetPositionTopic = c.Text("set_position_topic"),
            SetPositionTemplate = c.Text("set_position_template"),
            PositionOpen = c.Number("position_open"),
            PositionClosed = c.Number("position_closed"),
            PayloadOpen = c.Text("payload_open"),
            PayloadClose = c.Text("payload_close"),
            PayloadStop = c.Text("payload_stop"),
            StateOpen = c.Text("state_open"),
            StateOpening = c.Text("state_opening"),
            StateClosed = c.Text("state_closed"),
            StateClosing = c.Text("state_closing"),
            StateStopped = c.Text("state_stopped"),
            PayloadLock = c.Text("payload_lock"),
            PayloadUnlock = c.Text("payload_unlock"),
            StateLocked = c.Text("state_locked"),
            StateUnlocked = c.Text("state_unlocked"),
            StateLocking = c.Text("state_locking"),
            StateUnlocking = c.Text("state_unlocking"),
            StateJammed = c.Text("state_jammed"),
            UnitOfMeasurement = c.Text("unit_of_measurement"),
            DeviceClass = c.Text("device_class"),
            JsonAttributesTopic = c.Text("json_attributes_topic"),
        };
    }
}
