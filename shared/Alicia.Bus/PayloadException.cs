namespace Alicia.Bus;

/// <summary>The envelope was fine but its payload is not what the route expects: the message is rejected, not retried.</summary>
public sealed class PayloadException(string message) : Exception(message);
