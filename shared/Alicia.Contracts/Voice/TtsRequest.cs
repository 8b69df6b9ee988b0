namespace Alicia.Contracts.Voice;

/// <summary>Text to speak (<c>alicia/voice/tts/request</c>); with a site in the envelope the audio also goes to that site's speaker.</summary>
public sealed record TtsRequest(string Text, string? Voice = null, int? RateWpm = null, int? Volume = null);
