using Alicia.Contracts;

namespace Alicia.Ai.Dialogue;

/// <summary>One sentence to answer, with the session and site it came from and the message that carried it.</summary>
public sealed record TurnRequest(string Text, string? SessionId, string? Site, Envelope? Cause = null);
