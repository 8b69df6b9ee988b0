namespace Alicia.DeviceRegistry.Storage;

/// <summary>One step of the schema: applied once, in order, inside a transaction, and recorded in schema_version.</summary>
public sealed record Migration(int Version, string Description, string Sql);
