using System.Text.Json;
using Alicia.DeviceRegistry.Devices;
using Microsoft.Data.Sqlite;

namespace Alicia.DeviceRegistry.Storage;

/// <summary>
/// The registry's SQLite file (<c>{DataDirectory}/devices.db</c>): devices with their aliases and MQTT
/// binding, and the discovery configs a user chose to remove. One connection, used by one caller at a
/// time; every change is one transaction, so a crash leaves either the old or the new device.
/// </summary>
public sealed class DeviceStore : IDisposable
{
    public const string FileName = "devices.db";

    private readonly SqliteConnection _connection;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();

    private DeviceStore(SqliteConnection connection, string path, int schemaVersion, TimeProvider time)
    {
        _connection = connection;
        _time = time;
        Path = path;
        SchemaVersion = schemaVersion;
    }

    public string Path { get; }

    public int SchemaVersion { get; }

    /// <summary>Opens (creating when missing) the database in <paramref name="directory"/> and migrates it.</summary>
    public static DeviceStore Open(string directory, TimeProvider time, IReadOnlyList<Migration>? migrations = null)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(time);
        var path = System.IO.Path.GetFullPath(System.IO.Path.Combine(directory, FileName));
        try
        {
            Directory.CreateDirectory(directory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"cannot create the device data directory {System.IO.Path.GetFullPath(directory)}: {e.Message} (Services:device-registry:DataDirectory)", e);
        }

        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false, // closing the store closes the file
        }.ToString());
        try
        {
            connection.Open();
            using (var pragmas = connection.CreateCommand())
            {
                // WAL: a change costs one append instead of rewriting a journal with two syncs, and readers
                // (a CLI inspecting the file) never block the registry. synchronous=NORMAL keeps the file
                // consistent after a crash; at worst the last changes are lost, and bridges re-announce theirs.
                pragmas.CommandText = "PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;";
                pragmas.ExecuteNonQuery();
            }

            var version = SchemaMigrator.Migrate(connection, migrations ?? SchemaMigrations.All, time);
            return new DeviceStore(connection, path, version, time);
        }
        catch (SqliteException e)
        {
            connection.Dispose();
            throw new InvalidOperationException($"cannot open the device database {path}: {e.Message}", e);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public IReadOnlyList<Device> LoadDevices()
    {
        lock (_gate)
        {
            var aliases = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            using (var read = _connection.CreateCommand())
            {
                read.CommandText = "SELECT device_id, alias FROM device_aliases ORDER BY device_id, position";
                using var rows = read.ExecuteReader();
                while (rows.Read())
                {
                    var id = rows.GetString(0);
                    if (!aliases.TryGetValue(id, out var list))
                    {
                        aliases[id] = list = [];
                    }

                    list.Add(rows.GetString(1));
                }
            }

            var devices = new List<Device>();
            using (var read = _connection.CreateCommand())
            {
                read.CommandText = "SELECT id, name, type, area, origin, discovery_topic, unique_id, mqtt FROM devices ORDER BY id";
                using var rows = read.ExecuteReader();
                while (rows.Read())
                {
                    var id = rows.GetString(0);
                    devices.Add(new Device(
                        id,
                        rows.GetString(1),
                        rows.GetString(2),
                        aliases.TryGetValue(id, out var list) ? list : [],
                        rows.IsDBNull(3) ? null : rows.GetString(3),
                        rows.GetString(4),
                        JsonSerializer.Deserialize(rows.GetString(7), DeviceRegistryJson.Default.MqttBinding) ?? new MqttBinding(),
                        rows.IsDBNull(5) ? null : rows.GetString(5),
                        rows.IsDBNull(6) ? null : rows.GetString(6)));
                }
            }

            return devices;
        }
    }

    /// <summary>Inserts or replaces a device and its aliases (its creation time is kept).</summary>
    public void Save(Device device)
    {
        ArgumentNullException.ThrowIfNull(device);
        lock (_gate)
        {
            using var transaction = _connection.BeginTransaction();
            var now = Now();
            Execute(transaction, """
                INSERT INTO devices (id, name, type, area, origin, discovery_topic, unique_id, mqtt, created_at, updated_at)
                VALUES ($id, $name, $type, $area, $origin, $discovery_topic, $unique_id, $mqtt, $now, $now)
                ON CONFLICT(id) DO UPDATE SET
                    name = excluded.name, type = excluded.type, area = excluded.area, origin = excluded.origin,
                    discovery_topic = excluded.discovery_topic, unique_id = excluded.unique_id, mqtt = excluded.mqtt,
                    updated_at = excluded.updated_at
                """,
                ("$id", device.Id), ("$name", device.Name), ("$type", device.Type), ("$area", device.Area),
                ("$origin", device.Origin), ("$discovery_topic", device.DiscoveryTopic), ("$unique_id", device.UniqueId),
                ("$mqtt", JsonSerializer.Serialize(device.Mqtt, DeviceRegistryJson.Default.MqttBinding)), ("$now", now));
            Execute(transaction, "DELETE FROM device_aliases WHERE device_id = $id", ("$id", device.Id));
            for (var i = 0; i < device.Aliases.Count; i++)
            {
                Execute(transaction, "INSERT INTO device_aliases (device_id, position, alias) VALUES ($id, $position, $alias)",
                    ("$id", device.Id), ("$position", i), ("$alias", device.Aliases[i]));
            }

            transaction.Commit();
        }
    }

    public bool Delete(string id)
    {
        lock (_gate)
        {
            using var transaction = _connection.BeginTransaction();
            var deleted = Execute(transaction, "DELETE FROM devices WHERE id = $id", ("$id", id)) > 0;
            transaction.Commit();
            return deleted;
        }
    }

    public IReadOnlySet<string> LoadIgnoredDiscovery()
    {
        lock (_gate)
        {
            using var read = _connection.CreateCommand();
            read.CommandText = "SELECT config_topic FROM ignored_discovery";
            using var rows = read.ExecuteReader();
            var topics = new HashSet<string>(StringComparer.Ordinal);
            while (rows.Read())
            {
                topics.Add(rows.GetString(0));
            }

            return topics;
        }
    }

    public void IgnoreDiscovery(string configTopic)
    {
        lock (_gate)
        {
            Execute(null, "INSERT OR REPLACE INTO ignored_discovery (config_topic, removed_at) VALUES ($topic, $now)",
                ("$topic", configTopic), ("$now", Now()));
        }
    }

    public void ForgetIgnoredDiscovery(string configTopic)
    {
        lock (_gate)
        {
            Execute(null, "DELETE FROM ignored_discovery WHERE config_topic = $topic", ("$topic", configTopic));
        }
    }

    public void Dispose() => _connection.Dispose();

    private double Now() => _time.GetUtcNow().ToUnixTimeMilliseconds() / 1000.0;

    private int Execute(SqliteTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = _connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command.ExecuteNonQuery();
    }
}
