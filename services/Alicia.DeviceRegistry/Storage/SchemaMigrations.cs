namespace Alicia.DeviceRegistry.Storage;

/// <summary>
/// The registry's schema, as the ordered list of changes that build it. Never edit a released step:
/// append a new one (databases in the field have the old ones applied already).
/// </summary>
public static class SchemaMigrations
{
    public static IReadOnlyList<Migration> All { get; } =
    [
        new(1, "devices and their aliases", """
            CREATE TABLE devices (
                id              TEXT PRIMARY KEY NOT NULL,
                name            TEXT NOT NULL,
                type            TEXT NOT NULL,
                area            TEXT,
                origin          TEXT NOT NULL,
                discovery_topic TEXT UNIQUE,
                unique_id       TEXT,
                mqtt            TEXT NOT NULL,  -- the MQTT binding as JSON, Home Assistant option names
                created_at      REAL NOT NULL,
                updated_at      REAL NOT NULL
            );
            CREATE TABLE device_aliases (
                device_id TEXT NOT NULL REFERENCES devices(id) ON DELETE CASCADE,
                position  INTEGER NOT NULL,
                alias     TEXT NOT NULL,
                PRIMARY KEY (device_id, position)
            );
            """),
        new(2, "discovered devices a user removed (not re-imported from their retained config)", """
            CREATE TABLE ignored_discovery (
                config_topic TEXT PRIMARY KEY NOT NULL,
                removed_at   REAL NOT NULL
            );
            """),
    ];

    public static int Latest => All[^1].Version;
}
