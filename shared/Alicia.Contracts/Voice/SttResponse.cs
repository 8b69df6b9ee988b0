namespace Alicia.Contracts.Voice;

/// <summary>
/// A transcript (<c>alicia/voice/stt/response</c>). For streamed audio, <see cref="SpeechEndedAt"/> is when the
/// last voiced frame ended and <see cref="UtteranceClosedAt"/> when the VAD decided the utterance was over
/// (Unix seconds), so the pipeline latency can be measured from either.
/// </summary>
public sealed record SttResponse(
    string Text,
    double Confidence,
    double AudioSeconds,
    double DecodeMs,
    bool Recognized = true,
    double? SpeechEndedAt = null,
    double? UtteranceClosedAt = null);
