namespace Alicia.Speech;

/// <summary>A native speech engine (pocketsphinx or espeak-ng) failed in a way the caller could not have prevented.</summary>
public sealed class SpeechEngineException : Exception
{
    public SpeechEngineException()
    {
    }

    public SpeechEngineException(string message)
        : base(message)
    {
    }

    public SpeechEngineException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
