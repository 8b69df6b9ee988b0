using System.Text.Json.Serialization;
using Alicia.Ai.Timers;

namespace Alicia.Ai;

/// <summary>Source-generated JSON for the AI's own payloads: the context topic and the timers file.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    RespectRequiredConstructorParameters = true,
    WriteIndented = true)]
[JsonSerializable(typeof(ContextUpdate))]
[JsonSerializable(typeof(List<ScheduledTimer>))]
public sealed partial class AiJson : JsonSerializerContext;
