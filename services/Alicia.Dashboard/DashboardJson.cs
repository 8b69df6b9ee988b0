using System.Text.Json.Serialization;

namespace Alicia.Dashboard;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(ClientConfig))]
internal sealed partial class DashboardJson : JsonSerializerContext;
