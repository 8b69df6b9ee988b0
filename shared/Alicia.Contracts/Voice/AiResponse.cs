using Alicia.Contracts.Devices;

namespace Alicia.Contracts.Voice;

/// <summary>
/// What the AI understood and answered (<c>alicia/voice/ai/response</c>). <see cref="ExpectsReply"/> asks
/// the voice router to listen again without a wake word.
/// </summary>
public sealed record AiResponse(
    string Text,
    bool Recognized,
    string? Intent,
    IReadOnlyList<SlotValue> Slots,
    double Confidence,
    string Reply,
    IReadOnlyList<DeviceCommand> Commands,
    bool ExpectsReply = false,
    double ElapsedMs = 0,
    string Source = "local");
