namespace Alicia.Ai.Timers;

/// <summary>A running timer as stored in timers.json and shown on the context topic (times in Unix seconds).</summary>
public sealed record ScheduledTimer(string Id, string? Site, string? SessionId, int DurationSeconds, double StartedAt, double DueAt);
