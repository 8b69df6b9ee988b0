namespace Alicia.Contracts.Voice;

/// <summary>The reasons a session ends, as they appear in <see cref="SessionEnded.Reason"/>.</summary>
public static class SessionEndReason
{
    public const string Nominal = "nominal";
    public const string NotRecognized = "not_recognized";
    public const string Timeout = "timeout";
    public const string Error = "error";
    public const string Aborted = "aborted";
}
