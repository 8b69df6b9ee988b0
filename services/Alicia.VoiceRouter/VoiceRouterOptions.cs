namespace Alicia.VoiceRouter;

/// <summary>The voice router's settings (configuration section <c>Services:voice-router</c>).</summary>
public sealed class VoiceRouterOptions
{
    public const string Section = "Services:voice-router";

    /// <summary>How long a session listens for the person to speak and stop (the STT's VAD closes the utterance).</summary>
    public TimeSpan ListenTimeout { get; set; } = TimeSpan.FromSeconds(8);

    /// <summary>Decoding time allowed after the utterance closed. The router does not see the VAD close, so it waits listen + stt for a transcript.</summary>
    public TimeSpan SttTimeout { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan AiTimeout { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan TtsTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Satellites that hear the same room, e.g. <c>{"downstairs": ["kitchen", "living-room"]}</c>: when several of a
    /// group wake within <see cref="GroupWakeWindow"/>, only the first gets a session, so the reply is spoken once.
    /// </summary>
    public Dictionary<string, List<string>> SiteGroups { get; set; } = new(StringComparer.Ordinal);

    public TimeSpan GroupWakeWindow { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Said when the STT heard speech but no words it knows.</summary>
    public string NotHeardReply { get; set; } = "Sorry, I didn't catch that.";
}
