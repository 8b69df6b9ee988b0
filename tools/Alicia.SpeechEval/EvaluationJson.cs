using System.Text.Json.Serialization;

namespace Alicia.SpeechEval;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true)]
[JsonSerializable(typeof(EvaluationResult))]
internal sealed partial class EvaluationJson : JsonSerializerContext;
