namespace Alicia.Cli;

/// <summary>What <c>say</c> prints.</summary>
public sealed record SpeechResult(string File, double AudioSeconds, double SynthesisMs, string Voice);
