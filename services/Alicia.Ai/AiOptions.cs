namespace Alicia.Ai;

/// <summary>The AI service's settings (configuration section <c>Services:ai</c>).</summary>
public sealed class AiOptions
{
    public const string Section = "Services:ai";

    /// <summary>The sentence templates (*.ini). Relative paths are looked up from the working directory upwards.</summary>
    public string IntentsDirectory { get; set; } = Path.Combine("config", "intents");

    /// <summary>Where running timers are kept (timers.json), so they fire across restarts.</summary>
    public string DataDirectory { get; set; } = Path.Combine("data", "ai");

    /// <summary>How long a conversation remembers its last device and action for follow-ups.</summary>
    public TimeSpan ContextTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Fuzzy matches below this confidence count as not understood.</summary>
    public double MinConfidence { get; set; } = 0.8;

    /// <summary>How long one attempt at a device command waits for the registry's result.</summary>
    public TimeSpan CommandAttemptTimeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Attempts per device command before the reply says the device could not be reached.</summary>
    public int CommandMaxAttempts { get; set; } = 2;

    /// <summary>The optional OpenAI-compatible model for sentences the templates do not cover.</summary>
    public LlmOptions Llm { get; set; } = new();
}
