using System.Text;
using System.Text.Json;
using Alicia.Bus;
using Alicia.DeviceRegistry.Discovery;
using Alicia.DeviceRegistry.Registry;
using Alicia.DeviceRegistry.Storage;
using Alicia.DeviceRegistry.Tests.Support;

namespace Alicia.DeviceRegistry.Tests;

public sealed class DeviceCatalogTests : IDisposable
{
    private static readonly JsonElement PorchMqtt = JsonDocument.Parse("""{"cmd_t":"cmnd/porch/POWER","stat_t":"stat/porch/POWER"}""").RootElement;

    private readonly TempDirectory _directory = new();
    private readonly DeviceStore _store;
    private readonly DeviceCatalog _catalog;

    public DeviceCatalogTests()
    {
        _store = DeviceStore.Open(_directory.Path, TimeProvider.System);
        _catalog = new DeviceCatalog(_store);
    }

    public void Dispose()
    {
        _store.Dispose();
        _directory.Dispose();
    }

    [Fact]
    public void A_manual_device_gets_its_spoken_names_and_binding()
    {
        var porch = _catalog.Add(new DeviceDefinition("porch_light", "Porch  Light", "light", ["Outside Light"], "Garden", PorchMqtt));

        Assert.Equal("Porch Light", porch.Name);
        Assert.Equal(["porch light", "outside light"], porch.SpokenNames);
        Assert.Equal("cmnd/porch/POWER", porch.Mqtt.CommandTopic);
        Assert.Same(porch, _catalog.Resolve("Outside light"));
        Assert.Same(porch, _catalog.ReportingOn("stat/porch/POWER").Single());
    }

    [Theory]
    [InlineData("Porch_Light", "Porch", "light", "device id 'Porch_Light' is invalid")]
    [InlineData("porch/light", "Porch", "light", "device id 'porch/light' is invalid")]
    [InlineData("porch", "Porch", "toaster", "unknown device type 'toaster': use one of light, switch, fan, sensor, binary_sensor, climate, cover, lock")]
    [InlineData("porch", "", "light", "device name must not be empty")]
    [InlineData("porch", "Porch/Light", "light", "device name 'Porch/Light' contains '/'")]
    [InlineData("porch", "---", "light", "device name '---' needs at least one letter or digit")]
    public void Bad_ids_types_and_names_are_refused_with_the_reason(string id, string name, string type, string reason)
    {
        var error = Assert.Throws<CommandRejectedException>(() => _catalog.Add(new DeviceDefinition(id, name, type, Mqtt: PorchMqtt)));

        Assert.StartsWith(reason, error.Message, StringComparison.Ordinal);
        Assert.Empty(_catalog.Devices);
    }

    [Fact]
    public void Duplicate_ids_and_names_are_refused()
    {
        _catalog.Add(new DeviceDefinition("porch_light", "Porch Light", "light", Mqtt: PorchMqtt));

        var sameId = Assert.Throws<CommandRejectedException>(() => _catalog.Add(new DeviceDefinition("porch_light", "Other", "light", Mqtt: PorchMqtt)));
        var sameName = Assert.Throws<CommandRejectedException>(() => _catalog.Add(new DeviceDefinition("lamp", "porch light", "light", Mqtt: PorchMqtt)));

        Assert.Equal("device 'porch_light' already exists", sameId.Message);
        Assert.Equal("the name 'porch light' is already used by device 'porch_light'", sameName.Message);
    }

    [Fact]
    public void A_device_without_a_usable_binding_is_refused()
    {
        var noMqtt = Assert.Throws<CommandRejectedException>(() => _catalog.Add(new DeviceDefinition("lamp", "Lamp", "light")));
        var noCommand = Assert.Throws<CommandRejectedException>(() => _catalog.Add(new DeviceDefinition("lamp", "Lamp", "light",
            Mqtt: JsonDocument.Parse("""{"stat_t":"lamp/state"}""").RootElement)));

        Assert.StartsWith("device 'lamp' needs an mqtt object", noMqtt.Message, StringComparison.Ordinal);
        Assert.Equal("device 'lamp': a light needs a command_topic", noCommand.Message);
    }

    [Fact]
    public void Updating_and_removing_an_unknown_device_is_refused()
    {
        Assert.Equal("unknown device 'ghost'", Assert.Throws<CommandRejectedException>(() => _catalog.Update(new DeviceUpdate("ghost", "Ghost"))).Message);
        Assert.Equal("unknown device 'ghost'", Assert.Throws<CommandRejectedException>(() => _catalog.Remove("ghost")).Message);
        Assert.Equal("unknown device 'ghost'", Assert.Throws<CommandRejectedException>(() => _catalog.Resolve("ghost")).Message);
    }

    [Fact]
    public void Rediscovery_keeps_a_name_the_user_gave_and_a_removed_device_stays_removed_until_its_config_is_cleared()
    {
        var config = Parse.Config(RealWorldConfigs.TasmotaSwitchTopic, RealWorldConfigs.TasmotaSwitch);
        var added = Assert.Single(_catalog.ApplyDiscovery(config).Added);
        _catalog.Update(new DeviceUpdate(added.Id, "Terrace Light"));

        Assert.False(_catalog.ApplyDiscovery(config).Any);
        Assert.Equal("Terrace Light", _catalog.Get(added.Id)!.Name);

        _catalog.Remove(added.Id);
        Assert.False(_catalog.ApplyDiscovery(config).Any);
        Assert.Empty(new DeviceCatalog(_store).Devices); // also after a restart

        _catalog.ApplyDiscovery(DiscoveryParser.Parse(RealWorldConfigs.TasmotaSwitchTopic, []));
        Assert.Single(_catalog.ApplyDiscovery(config).Added);
    }

    [Fact]
    public void Two_bridges_suggesting_the_same_id_get_distinct_ids()
    {
        var first = _catalog.ApplyDiscovery(Parse.Config("homeassistant/switch/a/config", """{"name":"Pump","cmd_t":"esphome/a/set"}"""));
        var second = _catalog.ApplyDiscovery(Parse.Config("homeassistant/switch/b/config", """{"name":"Pump","cmd_t":"esphome/b/set"}"""));

        Assert.Equal("pump", Assert.Single(first.Added).Id);
        Assert.Equal("pump_2", Assert.Single(second.Added).Id);
    }

    [Fact]
    public void A_device_based_config_replaces_its_entities_as_a_set()
    {
        var first = _catalog.ApplyDiscovery(Parse.Config(RealWorldConfigs.DeviceBasedTopic, RealWorldConfigs.DeviceBased));
        Assert.Equal(2, first.Added.Count);

        var lightOnly = RealWorldConfigs.DeviceBased.Replace("\"porch_temp\"", "\"ignored\"", StringComparison.Ordinal)
            .Replace("\"p\":\"sensor\"", "\"p\":\"button\"", StringComparison.Ordinal);
        var second = _catalog.ApplyDiscovery(DiscoveryParser.Parse(RealWorldConfigs.DeviceBasedTopic, Encoding.UTF8.GetBytes(lightOnly)));

        Assert.Equal("porch_temperature", Assert.Single(second.Removed).Id);
        Assert.Equal("porch_light", Assert.Single(_catalog.Devices).Id);
    }
}
