namespace Alicia.Contracts.Voice;

/// <summary>
/// Synthesized speech (<c>alicia/voice/tts/response</c>) as a base64 WAV. The same WAV goes as raw bytes to
/// <c>alicia/voice/tts/audio/{site}</c> for the site's speaker. A request that cannot be spoken is answered
/// with empty audio and <see cref="Error"/> saying why.
/// </summary>
public sealed record TtsResponse(string AudioData, double AudioSeconds, double SynthesisMs, string Voice, string? Error = null);
