using Alicia.DeviceRegistry.Devices;
using Alicia.DeviceRegistry.Storage;
using Alicia.DeviceRegistry.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Alicia.DeviceRegistry.Tests;

public sealed class DeviceStoreTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void A_new_database_gets_every_migration_recorded_in_order()
    {
        using var store = DeviceStore.Open(_directory.Path, TimeProvider.System);

        Assert.Equal(SchemaMigrations.Latest, store.SchemaVersion);
        Assert.True(File.Exists(Path.Combine(_directory.Path, DeviceStore.FileName)));
        Assert.Equal(SchemaMigrations.All.Select(m => (long)m.Version), Query("SELECT version FROM schema_version ORDER BY version"));
    }

    [Fact]
    public void Devices_with_aliases_and_binding_survive_reopening()
    {
        var light = SampleDevices.Zigbee2MqttLight with { Aliases = ["cooker light", "hob light"], Area = "Kitchen" };
        using (var store = DeviceStore.Open(_directory.Path, TimeProvider.System))
        {
            store.Save(light);
            store.Save(SampleDevices.TasmotaSwitch);
            store.Delete(SampleDevices.TasmotaSwitch.Id);
        }

        using var reopened = DeviceStore.Open(_directory.Path, TimeProvider.System);
        var loaded = Assert.Single(reopened.LoadDevices());

        Assert.Equal(light.Id, loaded.Id);
        Assert.Equal(["cooker light", "hob light"], loaded.Aliases);
        Assert.Equal(("Kitchen", DeviceOrigins.Discovery, light.DiscoveryTopic, light.UniqueId), (loaded.Area, loaded.Origin, loaded.DiscoveryTopic, loaded.UniqueId));
        Assert.Equal(light.Mqtt with { SupportedColorModes = null }, loaded.Mqtt with { SupportedColorModes = null });
        Assert.Equal(light.Mqtt.SupportedColorModes, loaded.Mqtt.SupportedColorModes);
    }

    [Fact]
    public void An_older_database_is_migrated_and_keeps_its_devices()
    {
        using (var version1 = DeviceStore.Open(_directory.Path, TimeProvider.System, [SchemaMigrations.All[0]]))
        {
            Assert.Equal(1, version1.SchemaVersion);
            version1.Save(SampleDevices.TasmotaSwitch);
        }

        using var store = DeviceStore.Open(_directory.Path, TimeProvider.System);

        Assert.Equal(SchemaMigrations.Latest, store.SchemaVersion);
        Assert.Equal(SampleDevices.TasmotaSwitch.Id, Assert.Single(store.LoadDevices()).Id);
        store.IgnoreDiscovery("homeassistant/switch/x/config"); // the table migration 2 created
        Assert.Contains("homeassistant/switch/x/config", store.LoadIgnoredDiscovery());
    }

    [Fact]
    public void A_database_from_a_newer_registry_is_refused()
    {
        using (DeviceStore.Open(_directory.Path, TimeProvider.System))
        {
        }

        Execute("INSERT INTO schema_version (version, description, applied_at) VALUES (99, 'future', 0)");

        var error = Assert.Throws<InvalidOperationException>(() => DeviceStore.Open(_directory.Path, TimeProvider.System));
        Assert.Contains("schema version 99", error.Message, StringComparison.Ordinal);
    }

    private List<long> Query(string sql)
    {
        using var connection = Connect();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var rows = command.ExecuteReader();
        var values = new List<long>();
        while (rows.Read())
        {
            values.Add(rows.GetInt64(0));
        }

        return values;
    }

    private void Execute(string sql)
    {
        using var connection = Connect();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private SqliteConnection Connect()
    {
        var connection = new SqliteConnection($"Data Source={Path.Combine(_directory.Path, DeviceStore.FileName)};Pooling=False");
        connection.Open();
        return connection;
    }
}
