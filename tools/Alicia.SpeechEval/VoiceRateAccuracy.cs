namespace Alicia.SpeechEval;

/// <summary>Accuracy for one voice at one speaking rate.</summary>
public sealed record VoiceRateAccuracy(string Voice, int RateWpm, int Sentences, double SentenceAccuracy, double WordAccuracy);
