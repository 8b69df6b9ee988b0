using Alicia.Ai.Devices;
using Alicia.Ai.Tests.Support;

namespace Alicia.Ai.Tests;

public sealed class DeviceDirectoryTests
{
    private readonly DeviceDirectory _devices = new(DemoDevices.List.Devices);

    [Fact]
    public void Slot_lists_hold_the_devices_each_kind_of_sentence_can_name()
    {
        var lists = _devices.SlotLists(["device", "light", "lock", "thermostat", "scene"]);

        Assert.Contains(lists["device"], v => v.Name == "kitchen light" && v.Value == "kitchen_light");
        Assert.Contains(lists["device"], v => v.Name == "fan" && v.Value == "bedroom_fan");
        Assert.Contains(lists["device"], v => v.Name == "bedroom" && v.Value == "area:bedroom");
        Assert.DoesNotContain(lists["device"], v => v.Value == "front_door");
        Assert.Equal(["living_room_lamp"], lists["light"].Select(v => v.Value));
        Assert.Equal(["front_door"], lists["lock"].Select(v => v.Value));
        Assert.Equal(["thermostat"], lists["thermostat"].Select(v => v.Value));
        Assert.Empty(lists["scene"]);
    }

    [Fact]
    public void An_area_resolves_to_its_devices_that_fit()
    {
        Assert.Equal(["bedroom_light", "bedroom_fan"], _devices.Resolve("area:bedroom", DeviceDirectory.IsSwitchable).Select(d => d.Id));
        Assert.Equal(["bedroom_light"], _devices.Resolve("area:bedroom", d => d.Type == "light").Select(d => d.Id));
        Assert.Empty(_devices.Resolve("garage_door", _ => true));
    }

    [Fact]
    public void A_name_shared_by_two_devices_goes_to_the_first()
    {
        var devices = new DeviceDirectory([DemoDevices.KitchenLight, DemoDevices.KitchenLight with { Id = "kitchen_light_2" }]);

        Assert.Equal(["kitchen_light"], devices.SlotLists(["device"])["device"].Where(v => v.Name == "kitchen light").Select(v => v.Value));
    }
}
