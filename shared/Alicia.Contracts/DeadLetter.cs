namespace Alicia.Contracts;

/// <summary>Published on <c>alicia/system/deadletter/{service}</c> for a command that exhausted its attempts.</summary>
public sealed record DeadLetter(string Topic, Envelope Command, int Attempts, string Reason);
