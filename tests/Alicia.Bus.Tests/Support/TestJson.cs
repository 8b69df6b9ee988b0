using System.Text.Json.Serialization;

namespace Alicia.Bus.Tests.Support;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(Note))]
[JsonSerializable(typeof(int))]
public sealed partial class TestJson : JsonSerializerContext;
