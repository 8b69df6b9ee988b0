using System.Buffers.Binary;

namespace Alicia.Audio;

/// <summary>Turns interleaved samples of any supported encoding into mono 16-bit by averaging channels.</summary>
internal static class SampleDecoder
{
    // Channels are summed at 24-bit precision so that averaging and rounding happen once, at the end.
    private const double FloatScale = 8388608.0;

    public static void ToMono16(ReadOnlySpan<byte> data, WavFormat format, Span<short> destination)
    {
        int bytesPerSample = BytesPerSample(format.Encoding);
        for (int frame = 0; frame < destination.Length; frame++)
        {
            var frameBytes = data.Slice(frame * format.BlockAlign, format.BlockAlign);
            long sum = 0;
            for (int channel = 0; channel < format.Channels; channel++)
            {
                sum += Read24(frameBytes.Slice(channel * bytesPerSample, bytesPerSample), format.Encoding);
            }

            long mean = sum / format.Channels;
            destination[frame] = (short)Math.Clamp((mean + 128) >> 8, short.MinValue, short.MaxValue);
        }
    }

    private static int BytesPerSample(WavEncoding encoding) => encoding switch
    {
        WavEncoding.UnsignedInt8 => 1,
        WavEncoding.SignedInt16 => 2,
        WavEncoding.SignedInt24 => 3,
        WavEncoding.SignedInt32 or WavEncoding.Float32 => 4,
        WavEncoding.Float64 => 8,
        _ => throw new ArgumentOutOfRangeException(nameof(encoding), encoding, null),
    };

    /// <summary>One sample scaled to the signed 24-bit range.</summary>
    private static int Read24(ReadOnlySpan<byte> sample, WavEncoding encoding) => encoding switch
    {
        WavEncoding.UnsignedInt8 => (sample[0] - 128) << 16,
        WavEncoding.SignedInt16 => BinaryPrimitives.ReadInt16LittleEndian(sample) << 8,
        WavEncoding.SignedInt24 => sample[0] | (sample[1] << 8) | ((sbyte)sample[2] << 16),
        WavEncoding.SignedInt32 => BinaryPrimitives.ReadInt32LittleEndian(sample) >> 8,
        WavEncoding.Float32 => FromFloat(BinaryPrimitives.ReadSingleLittleEndian(sample)),
        WavEncoding.Float64 => FromFloat(BinaryPrimitives.ReadDoubleLittleEndian(sample)),
        _ => throw new ArgumentOutOfRangeException(nameof(encoding), encoding, null),
    };

    private static int FromFloat(double value)
    {
        if (double.IsNaN(value))
        {
            return 0;
        }

        return (int)Math.Clamp(Math.Round(value * FloatScale), -FloatScale, FloatScale - 1);
    }
}
