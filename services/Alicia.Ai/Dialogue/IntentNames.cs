namespace Alicia.Ai.Dialogue;

/// <summary>The intents of config/intents the AI knows how to answer (section names of the templates).</summary>
public static class IntentNames
{
    public const string TurnOn = "TurnOn";
    public const string TurnOff = "TurnOff";
    public const string Toggle = "Toggle";
    public const string TurnItOn = "TurnItOn";
    public const string TurnItOff = "TurnItOff";
    public const string SameForDevice = "SameForDevice";
    public const string SetBrightness = "SetBrightness";
    public const string Brighter = "Brighter";
    public const string Dimmer = "Dimmer";
    public const string SetTemperature = "SetTemperature";
    public const string GetTemperature = "GetTemperature";
    public const string Lock = "Lock";
    public const string Unlock = "Unlock";
    public const string StartTimer = "StartTimer";
    public const string CancelTimer = "CancelTimer";
    public const string TimerStatus = "TimerStatus";
    public const string ListTimers = "ListTimers";
    public const string GetTime = "GetTime";
    public const string GetDate = "GetDate";
    public const string GetWeather = "GetWeather";
    public const string Help = "Help";
    public const string Stop = "Stop";
    public const string Repeat = "Repeat";

    /// <summary>What the LLM fallback did, when it called a device tool or just answered.</summary>
    public const string LlmDeviceControl = "LlmDeviceControl";
    public const string LlmAnswer = "LlmAnswer";
}
