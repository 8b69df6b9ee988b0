namespace Alicia.DemoDevices.Devices;

/// <summary>The five demo devices, and which one a command topic belongs to.</summary>
public sealed class DemoHouse
{
    public DemoHouse(string topicPrefix)
    {
        KitchenLight = new OnOffLight("kitchen_light", "Kitchen Light", "Kitchen", topicPrefix, LightStyle.Compact);
        BedroomLight = new OnOffLight("bedroom_light", "Bedroom Light", "Bedroom", topicPrefix, LightStyle.Verbose);
        LivingRoomLamp = new DimmableLamp("living_room_lamp", "Living Room Lamp", "Living Room", topicPrefix);
        Thermostat = new Thermostat("thermostat", "Thermostat", "Hallway", topicPrefix);
        FrontDoor = new DoorLock("front_door", "Front Door", "Entrance", topicPrefix);
        Devices = [KitchenLight, BedroomLight, LivingRoomLamp, Thermostat, FrontDoor];
    }

    public OnOffLight KitchenLight { get; }

    public OnOffLight BedroomLight { get; }

    public DimmableLamp LivingRoomLamp { get; }

    public Thermostat Thermostat { get; }

    public DoorLock FrontDoor { get; }

    public IReadOnlyList<VirtualDevice> Devices { get; }

    public IEnumerable<string> CommandTopics => Devices.SelectMany(d => d.CommandTopics);

    public VirtualDevice? ForCommandTopic(string topic) => Devices.FirstOrDefault(d => d.CommandTopics.Contains(topic, StringComparer.Ordinal));
}
