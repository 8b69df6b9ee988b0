namespace Alicia.Contracts.Voice;

/// <summary>A whole utterance to transcribe (<c>alicia/voice/stt/request</c>); session and site ride in the envelope.</summary>
/// <param name="AudioData">The utterance as a base64 WAV file (any rate or channel count; converted to 16 kHz mono).</param>
public sealed record SttRequest(string AudioData, string Format = "wav");
