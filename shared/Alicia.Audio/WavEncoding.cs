namespace Alicia.Audio;

/// <summary>How one sample of one channel is stored in a WAV data chunk.</summary>
internal enum WavEncoding
{
    UnsignedInt8,
    SignedInt16,
    SignedInt24,
    SignedInt32,
    Float32,
    Float64,
}
