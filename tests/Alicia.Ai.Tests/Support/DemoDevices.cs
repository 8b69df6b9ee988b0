using Alicia.Contracts.Devices;

namespace Alicia.Ai.Tests.Support;

/// <summary>A small home: two lights in different rooms, a dimmable lamp, a thermostat, a lock and a bedroom fan.</summary>
internal static class DemoDevices
{
    public static DeviceInfo KitchenLight { get; } = new("kitchen_light", "Kitchen Light", "light", ["kitchen light"], "kitchen");

    public static DeviceInfo BedroomLight { get; } = new("bedroom_light", "Bedroom Light", "light", ["bedroom light"], "bedroom");

    public static DeviceInfo BedroomFan { get; } = new("bedroom_fan", "Bedroom Fan", "switch", ["bedroom fan", "fan"], "bedroom");

    public static DeviceInfo LivingRoomLamp { get; } = new("living_room_lamp", "Living Room Lamp", "light", ["living room lamp"], "living room", Dimmable: true);

    public static DeviceInfo Thermostat { get; } = new("thermostat", "Thermostat", "climate", ["thermostat"], "hall");

    public static DeviceInfo FrontDoor { get; } = new("front_door", "Front Door", "lock", ["front door"], "hall");

    public static DeviceList List { get; } = new([KitchenLight, BedroomLight, BedroomFan, LivingRoomLamp, Thermostat, FrontDoor]);
}
