namespace Alicia.ConfigService;

public enum SettingKind
{
    Text,
    WholeNumber,
    Number,
    Flag,
}
