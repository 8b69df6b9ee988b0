using System.Buffers.Binary;

namespace Alicia.Audio.Tests;

public sealed class WavErrorTests
{
    private static readonly byte[] Valid = Wav.Write(new AudioClip(Signals.Sine(440, 0.01, 16000), 16000));

    public static TheoryData<string, byte[], string> BadFiles()
    {
        var data = new TheoryData<string, byte[], string>
        {
            { "empty input", [], "not a WAV file (no RIFF header)" },
            { "three bytes", "RIF"u8.ToArray(), "not a WAV file (no RIFF header)" },
            { "an mp3 frame", [0xFF, 0xFB, 0x90, 0x64, 0, 0, 0, 0, 0, 0, 0, 0], "not a WAV file (no RIFF header)" },
            { "json", "{\"audio\":\"x\"}"u8.ToArray(), "not a WAV file (no RIFF header)" },
            { "RIFF and nothing else", "RIFF"u8.ToArray(), "truncated header" },
            { "RIFF/WAVE without chunks", Valid[..12], "truncated header" },
            { "cut inside the fmt chunk", Valid[..30], "truncated header" },
            { "cut inside the data chunk header", Valid[..40], "truncated header" },
            { "an AVI file", [.. "RIFF"u8, 4, 0, 0, 0, .. "AVI "u8], "not a WAV file" },
            { "big-endian RIFX", [.. "RIFX"u8, .. Valid[4..]], "unsupported format: big-endian RIFX" },
            { "mu-law", WithField(Valid, 20, 7), "unsupported format: mu-law" },
            { "MP3 in WAV", WithField(Valid, 20, 0x55), "unsupported format: MP3" },
            { "12-bit PCM", WithField(Valid, 34, 12), "unsupported format: 12-bit integer PCM" },
            { "16-bit float", WavFiles.Build(WavFiles.Float, 1, 16000, 16, new byte[8]), "unsupported format: 16-bit float" },
            { "zero channels", WithField(Valid, 22, 0), "unsupported format: 0 channels" },
            { "zero sample rate", WithField(WithField(Valid, 24, 0), 26, 0), "unsupported format: sample rate 0" },
            { "no samples", Wav.Write(AudioClip.Empty(16000)), "empty audio" },
            { "half a sample", [.. WavFiles.Build(WavFiles.Pcm, 1, 16000, 16, [7])], "empty audio" },
            { "data chunk longer than the file", Valid[..(44 + 10)], $"data chunk claims {Valid.Length - 44} bytes but only 10 present" },
        };
        return data;
    }

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void Bad_input_is_rejected_with_a_message_that_says_why(string what, byte[] file, string expected)
    {
        var error = Assert.Throws<InvalidAudioException>(() => Wav.Read(file));

        Assert.True(error.Message.StartsWith(expected, StringComparison.Ordinal), $"{what}: got \"{error.Message}\"");
    }

    [Fact]
    public void A_data_chunk_before_the_fmt_chunk_is_a_broken_header()
    {
        byte[] file = [.. "RIFF"u8, 20, 0, 0, 0, .. "WAVE"u8, .. "data"u8, 2, 0, 0, 0, 1, 2];

        var error = Assert.Throws<InvalidAudioException>(() => Wav.Read(file));

        Assert.StartsWith("truncated header", error.Message, StringComparison.Ordinal);
    }

    /// <summary>A copy of <paramref name="file"/> with the 16-bit little-endian field at <paramref name="offset"/> replaced.</summary>
    private static byte[] WithField(byte[] file, int offset, ushort value)
    {
        var copy = file.ToArray();
        BinaryPrimitives.WriteUInt16LittleEndian(copy.AsSpan(offset), value);
        return copy;
    }
}
