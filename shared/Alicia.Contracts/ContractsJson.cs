using System.Text.Json;
using System.Text.Json.Serialization;

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
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(string))]
public sealed partial class ContractsJson : JsonSerializerContext;
