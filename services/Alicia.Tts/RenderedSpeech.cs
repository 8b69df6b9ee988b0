namespace Alicia.Tts;

/// <summary>A spoken text: the WAV file, how long it plays, how long synthesis took, and the voice used.</summary>
public sealed record RenderedSpeech(byte[] Wav, TimeSpan Duration, TimeSpan SynthesisTime, string Voice);
