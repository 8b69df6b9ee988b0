namespace Alicia.Contracts;

/// <summary>
/// The topic tree of docs/bus.md as code, so no service spells a topic by hand.
/// Methods build concrete topics; the <c>All...</c> members are subscription filters.
/// </summary>
public static class Topics
{
    public const string Root = "alicia";
    public const string Everything = "alicia/#";

    public static class Health
    {
        public const string All = "alicia/system/health/#";
        public const string AnyService = "alicia/system/health/+";
        public const string Check = "alicia/system/health/check";
        public const string Summary = "alicia/system/health/summary";

        public static string Of(string service) => $"alicia/system/health/{service}";
    }

    public static class Discovery
    {
        public const string Register = "alicia/system/discovery/register";
        public const string Unregister = "alicia/system/discovery/unregister";
        public const string Query = "alicia/system/discovery/query";
        public const string Directory = "alicia/system/discovery/directory";
    }

    public static class Config
    {
        public const string Update = "alicia/system/config/update";
        public const string Request = "alicia/system/config/request";

        public static string Of(string service) => $"alicia/system/config/{service}";
    }

    public static class Registry
    {
        public const string Add = "alicia/system/registry/add";
        public const string Remove = "alicia/system/registry/remove";
        public const string Update = "alicia/system/registry/update";
    }

    public static class DeadLetter
    {
        public const string All = "alicia/system/deadletter/+";

        public static string Of(string service) => $"alicia/system/deadletter/{service}";
    }

    public static class Audio
    {
        public const string AllFrames = "alicia/voice/audio/+/frame";

        public static string Frame(string site) => $"alicia/voice/audio/{site}/frame";
    }

    public static class Wake
    {
        public const string AllDetected = "alicia/voice/wake/+/detected";

        public static string Detected(string site) => $"alicia/voice/wake/{site}/detected";
    }

    public static class Session
    {
        public const string All = "alicia/voice/session/#";
        public const string AllStart = "alicia/voice/session/+/start";
        public const string AllStarted = "alicia/voice/session/+/started";
        public const string AllEnded = "alicia/voice/session/+/ended";

        /// <summary>Asks the voice router to open a session (with text, a text-only one).</summary>
        public static string Start(string site) => $"alicia/voice/session/{site}/start";

        public static string Started(string site) => $"alicia/voice/session/{site}/started";

        public static string Ended(string site) => $"alicia/voice/session/{site}/ended";
    }

    public static class Stt
    {
        public const string Request = "alicia/voice/stt/request";
        public const string Response = "alicia/voice/stt/response";
        public const string Error = "alicia/voice/stt/error";
    }

    public static class Ai
    {
        public const string Request = "alicia/voice/ai/request";
        public const string Response = "alicia/voice/ai/response";
        public const string Context = "alicia/voice/ai/context";
        public const string Grammar = "alicia/voice/ai/grammar";
    }

    public static class Tts
    {
        public const string Request = "alicia/voice/tts/request";
        public const string Response = "alicia/voice/tts/response";
        public const string AllAudio = "alicia/voice/tts/audio/+";

        public static string Audio(string site) => $"alicia/voice/tts/audio/{site}";
    }

    public static class Command
    {
        public const string Execute = "alicia/voice/command/execute";
        public const string Result = "alicia/voice/command/result";
    }

    public static class Devices
    {
        public const string DiscoveryFound = "alicia/devices/discovery/found";
        public const string List = "alicia/devices/list";
        public const string AllControl = "alicia/devices/control/+";
        public const string AllState = "alicia/devices/state/+";

        public static string Control(string deviceId) => $"alicia/devices/control/{deviceId}";

        public static string State(string deviceId) => $"alicia/devices/state/{deviceId}";
    }

    public static class Monitoring
    {
        public const string Alerts = "alicia/monitoring/alerts";
        public const string AllMetrics = "alicia/monitoring/metrics/+";

        public static string Metrics(string service) => $"alicia/monitoring/metrics/{service}";

        public static string Logs(string service) => $"alicia/monitoring/logs/{service}";
    }

    /// <summary>Direct commands to one service.</summary>
    public static string CommandsFor(string service) => $"alicia/{service}/command";

    /// <summary>Where a service receives the answers to its own queries and commands (MQTT 5 response topic).</summary>
    public static string RepliesFor(string service, string instance) => $"alicia/reply/{service}/{instance}";
}
