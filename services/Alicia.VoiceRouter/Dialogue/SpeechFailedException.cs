namespace Alicia.VoiceRouter.Dialogue;

/// <summary>The TTS answered a request with a failure.</summary>
public sealed class SpeechFailedException(string message) : Exception(message);
