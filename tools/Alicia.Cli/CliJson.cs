using System.Text.Json.Serialization;
using Alicia.Contracts;
using Alicia.Contracts.Devices;
using Alicia.Contracts.Voice;

namespace Alicia.Cli;

/// <summary>The <c>--json</c> output of every verb (snake_case, like the bus).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ConversationResult))]
[JsonSerializable(typeof(SttResponse))]
[JsonSerializable(typeof(SpeechResult))]
[JsonSerializable(typeof(List<DeviceRow>))]
[JsonSerializable(typeof(CommandResult))]
[JsonSerializable(typeof(List<HealthReport>))]
internal sealed partial class CliJson : JsonSerializerContext;
