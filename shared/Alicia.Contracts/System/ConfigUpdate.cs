using System.Text.Json;

namespace Alicia.Contracts.Platform;

/// <summary>
/// A command on <c>alicia/system/config/update</c>: merge <see cref="Settings"/> (a JSON object; a null value
/// removes that key) into the service's configuration. Refused as a whole, with the reason, when any value is invalid.
/// </summary>
public sealed record ConfigUpdate(string Service, JsonElement Settings);
