using Alicia.Contracts.Devices;

namespace Alicia.Ai.Llm;

/// <summary>What the model answered: device commands from its tool calls, and any text it said.</summary>
public sealed record LlmAnswer(string? Text, IReadOnlyList<DeviceCommand> Commands);
