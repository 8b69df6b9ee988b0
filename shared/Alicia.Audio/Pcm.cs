using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Alicia.Audio;

/// <summary>Conversions between little-endian 16-bit PCM bytes (as they travel on the bus) and samples.</summary>
public static class Pcm
{
    public static short[] ToSamples(ReadOnlySpan<byte> littleEndian)
    {
        RequireWholeSamples(littleEndian.Length, nameof(littleEndian));
        var samples = new short[littleEndian.Length / SpeechFormat.BytesPerSample];
        ToSamples(littleEndian, samples);
        return samples;
    }

    /// <summary>Decodes into <paramref name="destination"/>, which must hold exactly littleEndian.Length / 2 samples or more.</summary>
    public static void ToSamples(ReadOnlySpan<byte> littleEndian, Span<short> destination)
    {
        RequireWholeSamples(littleEndian.Length, nameof(littleEndian));
        int count = littleEndian.Length / SpeechFormat.BytesPerSample;
        if (destination.Length < count)
        {
            throw new ArgumentException($"destination holds {destination.Length} samples but {count} are needed", nameof(destination));
        }

        if (BitConverter.IsLittleEndian)
        {
            // Same layout in memory: a block copy instead of a per-sample loop.
            MemoryMarshal.Cast<byte, short>(littleEndian).CopyTo(destination);
            return;
        }

        for (int i = 0; i < count; i++)
        {
            destination[i] = BinaryPrimitives.ReadInt16LittleEndian(littleEndian.Slice(i * 2, 2));
        }
    }

    public static byte[] ToBytes(ReadOnlySpan<short> samples)
    {
        var bytes = new byte[samples.Length * SpeechFormat.BytesPerSample];
        ToBytes(samples, bytes);
        return bytes;
    }

    public static void ToBytes(ReadOnlySpan<short> samples, Span<byte> destination)
    {
        int needed = samples.Length * SpeechFormat.BytesPerSample;
        if (destination.Length < needed)
        {
            throw new ArgumentException($"destination holds {destination.Length} bytes but {needed} are needed", nameof(destination));
        }

        if (BitConverter.IsLittleEndian)
        {
            MemoryMarshal.AsBytes(samples).CopyTo(destination);
            return;
        }

        for (int i = 0; i < samples.Length; i++)
        {
            BinaryPrimitives.WriteInt16LittleEndian(destination.Slice(i * 2, 2), samples[i]);
        }
    }

    private static void RequireWholeSamples(int byteCount, string paramName)
    {
        if (byteCount % SpeechFormat.BytesPerSample != 0)
        {
            throw new ArgumentException($"16-bit PCM needs an even number of bytes (got {byteCount})", paramName);
        }
    }
}
