namespace Alicia.DeviceRegistry.Registry;

/// <summary>Removes a device (<c>alicia/system/registry/remove</c>).</summary>
public sealed record DeviceRemoval(string Id);
