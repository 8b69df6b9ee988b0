using Alicia.Contracts.Voice;

namespace Alicia.Cli;

/// <summary>What <c>ask</c> and <c>listen</c> print: one whole dialogue session.</summary>
public sealed record ConversationResult(
    string SessionId,
    string Site,
    string Reason,
    string? Transcript,
    string? Intent,
    IReadOnlyList<SlotValue> Slots,
    string? Reply,
    IReadOnlyDictionary<string, double> StageMs,
    string? ReplyAudioFile);
