using System.Text.Json.Serialization;
using Alicia.DeviceRegistry.Devices;
using Alicia.DeviceRegistry.Registry;

namespace Alicia.DeviceRegistry;

/// <summary>The registry's own payloads and the stored MQTT binding (snake_case = Home Assistant's option names).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    RespectRequiredConstructorParameters = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(DeviceDefinition))]
[JsonSerializable(typeof(DeviceUpdate))]
[JsonSerializable(typeof(DeviceRemoval))]
[JsonSerializable(typeof(MqttBinding))]
public sealed partial class DeviceRegistryJson : JsonSerializerContext;
