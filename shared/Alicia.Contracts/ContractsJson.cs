using System.Text.Json;
using System.Text.Json.Serialization;
using Alicia.Contracts.Devices;
using Alicia.Contracts.Platform;
using Alicia.Contracts.Voice;

namespace Alicia.Contracts;

/// <summary>
/// Source-generated JSON for the shared contracts: snake_case names, required constructor
/// parameters enforced (a missing field is an error, not a silent default).
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    NumberHandling = JsonNumberHandling.Strict,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(Envelope))]
[JsonSerializable(typeof(HealthReport))]
[JsonSerializable(typeof(ServiceRegistration))]
[JsonSerializable(typeof(Reply))]
[JsonSerializable(typeof(DeadLetter))]
[JsonSerializable(typeof(MetricsSnapshot))]
[JsonSerializable(typeof(SttRequest))]
[JsonSerializable(typeof(SttResponse))]
[JsonSerializable(typeof(SttError))]
[JsonSerializable(typeof(WakeDetected))]
[JsonSerializable(typeof(SessionStart))]
[JsonSerializable(typeof(SessionStarted))]
[JsonSerializable(typeof(SessionEnded))]
[JsonSerializable(typeof(AiRequest))]
[JsonSerializable(typeof(AiResponse))]
[JsonSerializable(typeof(AiGrammar))]
[JsonSerializable(typeof(TtsRequest))]
[JsonSerializable(typeof(TtsResponse))]
[JsonSerializable(typeof(DeviceCommand))]
[JsonSerializable(typeof(CommandResult))]
[JsonSerializable(typeof(DeviceState))]
[JsonSerializable(typeof(DeviceInfo))]
[JsonSerializable(typeof(DeviceList))]
[JsonSerializable(typeof(HealthSummary))]
[JsonSerializable(typeof(Alert))]
[JsonSerializable(typeof(ServiceDirectory))]
[JsonSerializable(typeof(CapabilityQuery))]
[JsonSerializable(typeof(ConfigUpdate))]
[JsonSerializable(typeof(ConfigRequest))]
[JsonSerializable(typeof(ServiceConfig))]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(string))]
public sealed partial class ContractsJson : JsonSerializerContext;
