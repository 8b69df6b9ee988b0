using Alicia.Contracts.Voice;

namespace Alicia.Ai.Dialogue;

/// <summary>The response to publish, the context as it is after the turn, and the outcome behind both.</summary>
public sealed record TurnResult(AiResponse Response, ConversationState Context, TurnOutcome Outcome);
