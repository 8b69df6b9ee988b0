using System.Buffers.Binary;

namespace Alicia.Reliability.Tests.Fuzz;

/// <summary>16 kHz mono 16-bit WAV files: honest silence, and headers that lie about how much audio follows.</summary>
internal static class Wav
{
    private const int SampleRate = 16_000;

    public static byte[] Silence(TimeSpan duration)
    {
        var bytes = (int)(duration.TotalSeconds * SampleRate) * 2;
        return LyingHeader(bytes, bytes);
    }

    /// <summary>A header whose RIFF and data sizes claim <paramref name="claimedDataBytes"/>, followed by <paramref name="actualDataBytes"/> of silence.</summary>
    public static byte[] LyingHeader(int claimedDataBytes, int actualDataBytes)
    {
        var wav = new byte[44 + actualDataBytes];
        "RIFF"u8.CopyTo(wav);
        BinaryPrimitives.WriteInt32LittleEndian(wav.AsSpan(4), 36 + claimedDataBytes);
        "WAVEfmt "u8.CopyTo(wav.AsSpan(8));
        BinaryPrimitives.WriteInt32LittleEndian(wav.AsSpan(16), 16);
        BinaryPrimitives.WriteInt16LittleEndian(wav.AsSpan(20), 1);
        BinaryPrimitives.WriteInt16LittleEndian(wav.AsSpan(22), 1);
        BinaryPrimitives.WriteInt32LittleEndian(wav.AsSpan(24), SampleRate);
        BinaryPrimitives.WriteInt32LittleEndian(wav.AsSpan(28), SampleRate * 2);
        BinaryPrimitives.WriteInt16LittleEndian(wav.AsSpan(32), 2);
        BinaryPrimitives.WriteInt16LittleEndian(wav.AsSpan(34), 16);
        "data"u8.CopyTo(wav.AsSpan(36));
        BinaryPrimitives.WriteInt32LittleEndian(wav.AsSpan(40), claimedDataBytes);
        return wav;
    }
}
