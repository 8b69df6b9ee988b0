namespace Alicia.Audio;

/// <summary>Audio bytes that cannot be understood: not a WAV file, truncated, or a format we do not decode.</summary>
public sealed class InvalidAudioException : Exception
{
    public InvalidAudioException()
    {
    }

    public InvalidAudioException(string message)
        : base(message)
    {
    }

    public InvalidAudioException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
