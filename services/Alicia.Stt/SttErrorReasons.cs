namespace Alicia.Stt;

/// <summary>The <c>reason</c> values of <see cref="Contracts.Voice.SttError"/>; each is also a counted rejection reason.</summary>
public static class SttErrorReasons
{
    public const string InvalidBase64 = "invalid_base64";
    public const string NotWav = "not_wav";
    public const string Truncated = "truncated";
    public const string UnsupportedFormat = "unsupported_format";
    public const string EmptyAudio = "empty_audio";
    public const string TooLong = "too_long";
    public const string NoSpeech = "no_speech";
    public const string NotRecognized = "not_recognized";
    public const string EngineError = "engine_error";
}
