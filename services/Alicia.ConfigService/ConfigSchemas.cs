using Alicia.Contracts;

namespace Alicia.ConfigService;

/// <summary>
/// The live settings of each service, named as the service binds them (its options class under
/// <c>Services:{service}</c>). A service not listed here takes any JSON object.
/// </summary>
public static class ConfigSchemas
{
    private static readonly Dictionary<string, ConfigSchema> Known = new(StringComparer.Ordinal)
    {
        [ServiceNames.Stt] = new(new Dictionary<string, SettingRule>
        {
            ["WakePhrase"] = SettingRule.Text(2, 40),
            ["WakeThreshold"] = SettingRule.Number(1e-50, 1e-1),
            ["Vad:SilenceEndMs"] = SettingRule.WholeNumber(300, 2000),
        }),
        [ServiceNames.Tts] = new(new Dictionary<string, SettingRule>
        {
            ["DefaultVoice"] = SettingRule.Text(1, 64),
            ["DefaultRateWpm"] = SettingRule.WholeNumber(80, 400),
            ["DefaultVolume"] = SettingRule.WholeNumber(0, 200),
        }),
        // How long the router waits for each step of a dialogue before giving up on it.
        [ServiceNames.VoiceRouter] = new(new Dictionary<string, SettingRule>
        {
            ["ListenTimeout"] = SettingRule.Duration(TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1)),
            ["SttTimeout"] = SettingRule.Duration(TimeSpan.FromMilliseconds(500), TimeSpan.FromMinutes(1)),
            ["AiTimeout"] = SettingRule.Duration(TimeSpan.FromMilliseconds(500), TimeSpan.FromMinutes(1)),
            ["TtsTimeout"] = SettingRule.Duration(TimeSpan.FromMilliseconds(500), TimeSpan.FromMinutes(1)),
        }),
    };

    public static ConfigSchema For(string service) => Known.TryGetValue(service, out var schema) ? schema : ConfigSchema.Open;
}
