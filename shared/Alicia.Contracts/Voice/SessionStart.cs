namespace Alicia.Contracts.Voice;

/// <summary>
/// Asks the voice router to open a session on a site (<c>alicia/voice/session/{site}/start</c>):
/// with <see cref="Text"/> a text-only session, without it one that listens as if woken.
/// </summary>
public sealed record SessionStart(string? Text = null);
