namespace Alicia.ConfigService;

public enum SettingKind
{
    Text,
    WholeNumber,
    Number,
    Flag,

    /// <summary>A TimeSpan as configuration binds it, e.g. "00:00:05" or "00:00:00.500".</summary>
    Duration,
}
