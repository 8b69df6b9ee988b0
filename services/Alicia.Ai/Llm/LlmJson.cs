using System.Text.Json.Serialization;

namespace Alicia.Ai.Llm;

/// <summary>
/// Source-generated JSON for the OpenAI protocol: snake_case (tool_calls, tool_choice), nulls left out
/// of requests, and lenient reading (servers add fields and sometimes send numbers as strings).
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(ChatRequest))]
[JsonSerializable(typeof(ChatResponse))]
[JsonSerializable(typeof(ControlDeviceArguments))]
public sealed partial class LlmJson : JsonSerializerContext;
