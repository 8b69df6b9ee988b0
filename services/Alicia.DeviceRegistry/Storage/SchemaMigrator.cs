using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Alicia.DeviceRegistry.Storage;

/// <summary>
/// Brings a database to the newest schema: reads the highest version in schema_version and applies each
/// later migration in its own transaction. A database newer than this code is refused, not guessed at.
/// </summary>
public static class SchemaMigrator
{
    /// <summary>Applies what is missing and returns the schema version the database is at afterwards.</summary>
    public static int Migrate(SqliteConnection connection, IReadOnlyList<Migration> migrations, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(migrations);
        ArgumentNullException.ThrowIfNull(time);
        Execute(connection, null, """
            CREATE TABLE IF NOT EXISTS schema_version (
                version     INTEGER PRIMARY KEY NOT NULL,
                description TEXT NOT NULL,
                applied_at  REAL NOT NULL
            );
            """);

        var current = CurrentVersion(connection);
        var latest = migrations.Count == 0 ? 0 : migrations.Max(m => m.Version);
        if (current > latest)
        {
            throw new InvalidOperationException(
                $"the device database {connection.DataSource} has schema version {current}, newer than this device-registry knows ({latest}): " +
                "run a newer device-registry or point Services:device-registry:DataDirectory elsewhere");
        }

        foreach (var migration in migrations.Where(m => m.Version > current).OrderBy(m => m.Version))
        {
            using var transaction = connection.BeginTransaction();
            Execute(connection, transaction, migration.Sql);
            using var record = connection.CreateCommand();
            record.Transaction = transaction;
            record.CommandText = "INSERT INTO schema_version (version, description, applied_at) VALUES ($version, $description, $at)";
            record.Parameters.AddWithValue("$version", migration.Version);
            record.Parameters.AddWithValue("$description", migration.Description);
            record.Parameters.AddWithValue("$at", time.GetUtcNow().ToUnixTimeMilliseconds() / 1000.0);
            record.ExecuteNonQuery();
            transaction.Commit();
            current = migration.Version;
        }

        return current;
    }

    public static int CurrentVersion(SqliteConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COALESCE(MAX(version), 0) FROM schema_version";
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
