namespace Alicia.ConfigService;

/// <summary>A configuration request or update that can never succeed as sent; the message says why.</summary>
public sealed class InvalidConfigException(string message) : Exception(message);
