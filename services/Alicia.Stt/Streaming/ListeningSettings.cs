using Alicia.Audio;
using Alicia.Speech;

namespace Alicia.Stt.Streaming;

/// <summary>How every site listens: the wake phrase and its spotter model, the VAD, and the wake hold time.</summary>
public sealed record ListeningSettings(WakeWordOptions WakeWord, SpeechModelOptions SpotterModel, VadOptions Vad, int WakeHoldMs);
