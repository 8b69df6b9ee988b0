using Alicia.Audio;
using Alicia.Speech;

namespace Alicia.Stt.Streaming;

/// <summary>
/// How every site listens: the wake phrase and its spotter model, the VAD, the wake hold time, and whether utterances
/// are decoded while they are spoken (see <see cref="SttOptions.DecodeWhileSpeaking"/>).
/// </summary>
public sealed record ListeningSettings(WakeWordOptions WakeWord, SpeechModelOptions SpotterModel, VadOptions Vad, int WakeHoldMs, bool DecodeWhileSpeaking = true);
