namespace Alicia.Audio;

/// <summary>What the fmt chunk says, reduced to what decoding needs.</summary>
/// <param name="BlockAlign">Bytes from the start of one frame (all channels) to the next.</param>
internal readonly record struct WavFormat(WavEncoding Encoding, int Channels, int SampleRate, int BlockAlign);
