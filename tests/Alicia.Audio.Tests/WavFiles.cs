using System.Buffers.Binary;

namespace Alicia.Audio.Tests;

/// <summary>Builds WAV files by hand, byte by byte, in layouts the library itself never writes.</summary>
internal static class WavFiles
{
    public const ushort Pcm = 1;
    public const ushort Float = 3;

    /// <summary>A RIFF/WAVE file with a 16-byte fmt chunk and the given data bytes.</summary>
    public static byte[] Build(ushort formatTag, int channels, int sampleRate, int bitsPerSample, byte[] data, uint? declaredDataSize = null)
    {
        using var stream = new MemoryStream();
        using var writer = new BinaryWriter(stream);
        int blockAlign = channels * bitsPerSample / 8;
        writer.Write("RIFF"u8);
        writer.Write((uint)(4 + 8 + 16 + 8 + data.Length));
        writer.Write("WAVE"u8);
        writer.Write("fmt "u8);
        writer.Write(16u);
        writer.Write(formatTag);
        writer.Write((ushort)channels);
        writer.Write((uint)sampleRate);
        writer.Write((uint)(sampleRate * blockAlign));
        writer.Write((ushort)blockAlign);
        writer.Write((ushort)bitsPerSample);
        writer.Write("data"u8);
        writer.Write(declaredDataSize ?? (uint)data.Length);
        writer.Write(data);
        writer.Flush();
        return stream.ToArray();
    }

    /// <summary>WAVE_FORMAT_EXTENSIBLE (40-byte fmt chunk) wrapping the given sub-format, with a LIST chunk before data.</summary>
    public static byte[] BuildExtensible(ushort subFormat, int channels, int sampleRate, int bitsPerSample, byte[] data)
    {
        using var stream = new MemoryStream();
        using var writer = new BinaryWriter(stream);
        int blockAlign = channels * bitsPerSample / 8;
        byte[] list = [.. "INFOISFT"u8, 5, 0, 0, 0, (byte)'t', (byte)'e', (byte)'s', (byte)'t', 0];
        writer.Write("RIFF"u8);
        writer.Write((uint)(4 + 8 + 40 + 8 + list.Length + 1 + 8 + data.Length));
        writer.Write("WAVE"u8);
        writer.Write("fmt "u8);
        writer.Write(40u);
        writer.Write((ushort)0xFFFE);
        writer.Write((ushort)channels);
        writer.Write((uint)sampleRate);
        writer.Write((uint)(sampleRate * blockAlign));
        writer.Write((ushort)blockAlign);
        writer.Write((ushort)bitsPerSample);
        writer.Write((ushort)22);
        writer.Write((ushort)bitsPerSample);
        writer.Write(3u);
        writer.Write(subFormat);
        writer.Write(new byte[] { 0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71 });

        // An odd-sized chunk followed by its pad byte: readers must skip both.
        writer.Write("LIST"u8);
        writer.Write((uint)list.Length);
        writer.Write(list);
        writer.Write((byte)0);
        writer.Write("data"u8);
        writer.Write((uint)data.Length);
        writer.Write(data);
        writer.Flush();
        return stream.ToArray();
    }

    public static byte[] Int16(IEnumerable<short> samples)
    {
        var list = samples.ToList();
        var bytes = new byte[list.Count * 2];
        for (int i = 0; i < list.Count; i++)
        {
            BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(i * 2), list[i]);
        }

        return bytes;
    }

    public static byte[] Float32(IEnumerable<float> samples)
    {
        var list = samples.ToList();
        var bytes = new byte[list.Count * 4];
        for (int i = 0; i < list.Count; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * 4), list[i]);
        }

        return bytes;
    }

    public static byte[] Int24(IEnumerable<int> samples)
    {
        var list = samples.ToList();
        var bytes = new byte[list.Count * 3];
        for (int i = 0; i < list.Count; i++)
        {
            bytes[i * 3] = (byte)list[i];
            bytes[(i * 3) + 1] = (byte)(list[i] >> 8);
            bytes[(i * 3) + 2] = (byte)(list[i] >> 16);
        }

        return bytes;
    }

    public static byte[] Int32(IEnumerable<int> samples)
    {
        var list = samples.ToList();
        var bytes = new byte[list.Count * 4];
        for (int i = 0; i < list.Count; i++)
        {
            BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(i * 4), list[i]);
        }

        return bytes;
    }
}
