using Alicia.Audio;
using Alicia.Speech;

namespace Alicia.Stt.Recognition;

/// <summary>
/// The one path from audio to text, used by requests, by streamed utterances and by the recognition evaluation,
/// so what is measured is what runs: WAV decoding, conversion to 16 kHz mono, a check that there is speech at
/// all, decoding (the recognizer conditions the audio itself: trimming, padding, dither).
/// </summary>
public sealed class UtteranceTranscriber(RecognizerPool pool, double maxAudioSeconds)
{
    public RecognizerPool Pool => pool;

    /// <summary>Longest utterance accepted, in seconds.</summary>
    public double MaxAudioSeconds => maxAudioSeconds;

    /// <summary>The bytes of a base64 text, refusing anything that is not base64 or is empty.</summary>
    /// <exception cref="UnusableAudioException">With reason invalid_base64 or empty_audio.</exception>
    public static byte[] DecodeBase64(string? base64)
    {
        if (string.IsNullOrWhiteSpace(base64))
        {
            throw new UnusableAudioException(SttErrorReasons.EmptyAudio, "audio_data is empty");
        }

        try
        {
            return Convert.FromBase64String(base64);
        }
        catch (FormatException e)
        {
            throw new UnusableAudioException(SttErrorReasons.InvalidBase64, "audio_data is not valid base64: " + e.Message, e);
        }
    }

    /// <summary>Reads a WAV file into the speech format (16 kHz mono), refusing what cannot be a usable utterance.</summary>
    /// <exception cref="UnusableAudioException">Not a WAV file, truncated, unsupported, empty or too long.</exception>
    public AudioClip ReadWav(ReadOnlySpan<byte> wav)
    {
        AudioClip clip;
        try
        {
            clip = Wav.Read(wav);
        }
        catch (InvalidAudioException e)
        {
            throw new UnusableAudioException(ReasonOf(e), e.Message, e);
        }

        if (clip.Samples.Length == 0)
        {
            throw new UnusableAudioException(SttErrorReasons.EmptyAudio, "the WAV file holds no samples");
        }

        if (clip.Duration.TotalSeconds > maxAudioSeconds)
        {
            throw new UnusableAudioException(SttErrorReasons.TooLong,
                $"the audio is {clip.Duration.TotalSeconds:F1} s long; at most {maxAudioSeconds:0.#} s are transcribed");
        }

        return Resampler.ToSpeechFormat(clip);
    }

    /// <summary>A whole recording; one without any speech (silence, steady noise) is reported as no_speech, not decoded.</summary>
    public Transcript TranscribeRecording(AudioClip speech16k, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(speech16k);
        if (VoiceActivityDetector.Trim(speech16k).Samples.Length == 0)
        {
            throw new UnusableAudioException(SttErrorReasons.NoSpeech, "the audio holds no speech, only silence or steady noise");
        }

        return Transcribe(speech16k, cancellationToken);
    }

    /// <summary>An utterance already cut by the voice activity detector.</summary>
    /// <exception cref="UnusableAudioException">With reason not_recognized when nothing in the grammar matched.</exception>
    public Transcript Transcribe(AudioClip speech16k, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(speech16k);
        return Checked(() => pool.Recognize(speech16k.Samples, cancellationToken));
    }

    /// <summary>
    /// Starts decoding an utterance while it is spoken (see <see cref="RecognizerPool.TryStartUtterance"/>); null
    /// when no decoder is free, and then the utterance is decoded with <see cref="Transcribe"/> once it is over.
    /// </summary>
    public PooledUtterance? TryStartUtterance()
    {
        try
        {
            return pool.TryStartUtterance();
        }
        catch (SpeechEngineException)
        {
            // The whole-utterance path reports the engine's failure with the utterance it concerns.
            return null;
        }
    }

    /// <summary>Ends a streamed utterance: its transcript, or the same errors as <see cref="Transcribe"/>.</summary>
    /// <exception cref="UnusableAudioException">With reason not_recognized or engine_error.</exception>
    public static Transcript Finish(PooledUtterance utterance)
    {
        ArgumentNullException.ThrowIfNull(utterance);
        return Checked(utterance.End);
    }

    private static Transcript Checked(Func<Transcript> decode)
    {
        Transcript transcript;
        try
        {
            transcript = decode();
        }
        catch (SpeechEngineException e)
        {
            throw new UnusableAudioException(SttErrorReasons.EngineError, e.Message, e);
        }

        if (transcript.IsEmpty)
        {
            throw new UnusableAudioException(SttErrorReasons.NotRecognized,
                $"no sentence of the grammar matched {transcript.AudioDuration.TotalSeconds:F1} s of speech");
        }

        return transcript;
    }

    /// <summary>Request path in one call: base64 WAV to transcript.</summary>
    public Transcript TranscribeBase64Wav(string? base64, CancellationToken cancellationToken = default) =>
        TranscribeRecording(ReadWav(DecodeBase64(base64)), cancellationToken);

    private static string ReasonOf(InvalidAudioException e)
    {
        var message = e.Message;
        if (message.StartsWith("not a WAV file", StringComparison.Ordinal))
        {
            return SttErrorReasons.NotWav;
        }

        if (message.StartsWith("truncated", StringComparison.Ordinal) || message.StartsWith("data chunk claims", StringComparison.Ordinal))
        {
            return SttErrorReasons.Truncated;
        }

        if (message.StartsWith("empty audio", StringComparison.Ordinal))
        {
            return SttErrorReasons.EmptyAudio;
        }

        return SttErrorReasons.UnsupportedFormat;
    }
}
