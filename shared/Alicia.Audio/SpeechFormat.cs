namespace Alicia.Audio;

/// <summary>
/// The one audio format the voice pipeline speaks internally: 16 kHz, mono, 16-bit little-endian PCM.
/// Microphone frames on alicia/voice/audio/{site}/frame and audio handed to the recognizer use it.
/// </summary>
public static class SpeechFormat
{
    public const int SampleRate = 16000;
    public const int BytesPerSample = 2;
    public const int Channels = 1;

    /// <summary>Samples in one frame of <paramref name="milliseconds"/> at the speech rate.</summary>
    public static int SamplesPerFrame(int milliseconds) => SampleRate * milliseconds / 1000;
}
