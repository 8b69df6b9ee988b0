namespace Alicia.Bus;

/// <summary>Why an incoming message was refused: a short metric label and a sentence for the log.</summary>
public readonly record struct Rejection(string Reason, string Detail);
