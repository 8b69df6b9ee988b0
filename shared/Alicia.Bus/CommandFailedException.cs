namespace Alicia.Bus;

/// <summary>A command that exhausted its attempts (and was dead-lettered), or a query with no good answer.</summary>
public sealed class CommandFailedException(string message) : Exception(message);
