using System.Text.Json;

namespace Alicia.Contracts.Platform;

/// <summary>
/// A service's current configuration: the answer to a <see cref="ConfigRequest"/> and the result of a
/// <see cref="ConfigUpdate"/>. The retained <c>alicia/system/config/{service}</c> message carries
/// <see cref="Settings"/> alone as its payload. <see cref="UpdatedAt"/> is Unix seconds.
/// </summary>
public sealed record ServiceConfig(string Service, JsonElement Settings, double UpdatedAt);
