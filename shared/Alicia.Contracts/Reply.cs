using System.Text.Json;

namespace Alicia.Contracts;

/// <summary>
/// The payload of every <see cref="MessageType.Response"/>: the result of a command or query, or why it failed.
/// <see cref="Retryable"/> tells a command's sender whether another attempt may succeed.
/// </summary>
public sealed record Reply(bool Ok, JsonElement? Result = null, string? Error = null, bool Retryable = false);
