namespace Alicia.Audio;

public enum UtteranceEndReason
{
    /// <summary>The speaker stopped: <see cref="VadOptions.SilenceEndMs"/> of silence followed the last voiced frame.</summary>
    Silence,

    /// <summary>The utterance reached <see cref="VadOptions.MaxUtteranceMs"/> and was cut.</summary>
    MaxLength,

    /// <summary>The stream ended (Flush) while speech was going on.</summary>
    EndOfStream,
}
