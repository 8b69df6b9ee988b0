namespace Alicia.Contracts;

/// <summary>Every broker identity: a service's name is its MQTT user, its health topic level and its ACL block.</summary>
public static class ServiceNames
{
    public const string Stt = "stt";
    public const string Ai = "ai";
    public const string Tts = "tts";
    public const string VoiceRouter = "voice-router";
    public const string HealthMonitor = "health-monitor";
    public const string Discovery = "discovery";
    public const string DeviceRegistry = "device-registry";
    public const string ConfigService = "config-service";

    /// <summary>The browser dashboard, the command line and device bridges: clients, not services.</summary>
    public const string Dashboard = "dashboard";
    public const string Cli = "cli";
    public const string Bridge = "bridge";

    public static IReadOnlyList<string> Services { get; } =
        [Stt, Ai, Tts, VoiceRouter, HealthMonitor, Discovery, DeviceRegistry, ConfigService];
}
