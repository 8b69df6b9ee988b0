namespace Alicia.SpeechEval;

/// <summary>What one path made of one utterance: text or error, audio length, decoding cost, and the wait for the transcript.</summary>
internal sealed record Heard(string Text, string? Error, double AudioSeconds, double DecodeMs, double DecodeCpuMs, double LatencyMs);
