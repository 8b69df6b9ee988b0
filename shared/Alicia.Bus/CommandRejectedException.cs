namespace Alicia.Bus;

/// <summary>
/// Thrown by a handler for a request that can never succeed (bad input, unknown device): the sender
/// gets the reason at once and does not retry. Any other exception counts as transient.
/// </summary>
public sealed class CommandRejectedException(string message) : Exception(message);
