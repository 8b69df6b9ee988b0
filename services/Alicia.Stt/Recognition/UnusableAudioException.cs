namespace Alicia.Stt.Recognition;

/// <summary>An utterance that cannot be transcribed, with the <see cref="SttErrorReasons"/> value that says why.</summary>
public sealed class UnusableAudioException : Exception
{
    public UnusableAudioException()
        : this(SttErrorReasons.NotRecognized, "The audio could not be transcribed.")
    {
    }

    public UnusableAudioException(string message)
        : this(SttErrorReasons.NotRecognized, message)
    {
    }

    public UnusableAudioException(string message, Exception innerException)
        : base(message, innerException)
    {
        Reason = SttErrorReasons.NotRecognized;
    }

    public UnusableAudioException(string reason, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Reason = reason;
    }

    public string Reason { get; }
}
