using System.Buffers.Binary;

namespace Alicia.Audio.Tests;

public sealed class WavTests
{
    [Fact]
    public void Write_then_Read_returns_the_same_samples_and_rate()
    {
        var samples = Signals.Concat(Signals.Sine(440, 0.25, 22050), [short.MinValue, short.MaxValue, 0, -1, 1]);
        var clip = new AudioClip(samples, 22050);

        var back = Wav.Read(Wav.Write(clip));

        Assert.Equal(22050, back.SampleRate);
        Assert.Equal(samples, back.Samples);
    }

    [Fact]
    public void Write_produces_a_canonical_16_bit_mono_header()
    {
        var bytes = Wav.Write(new AudioClip([1, 2, 3], 16000));

        Assert.Equal(44 + 6, bytes.Length);
        Assert.Equal("RIFF"u8.ToArray(), bytes[..4]);
        Assert.Equal(36u + 6, BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(4)));
        Assert.Equal("WAVEfmt "u8.ToArray(), bytes[8..16]);
        Assert.Equal(1, BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(20)));
        Assert.Equal(1, BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(22)));
        Assert.Equal(16000u, BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(24)));
        Assert.Equal(32000u, BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(28)));
        Assert.Equal(2, BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(32)));
        Assert.Equal(16, BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(34)));
        Assert.Equal("data"u8.ToArray(), bytes[36..40]);
        Assert.Equal(6u, BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(40)));
    }

    [Fact]
    public void Duration_follows_sample_count_and_rate()
    {
        Assert.Equal(TimeSpan.FromMilliseconds(1500), new AudioClip(new short[24000], 16000).Duration);
        Assert.Equal(TimeSpan.Zero, AudioClip.Empty(8000).Duration);
    }

    [Fact]
    public void A_clip_needs_samples_and_a_positive_rate_even_when_copied()
    {
        var clip = new AudioClip([1, 2], 16000);

        Assert.Throws<ArgumentException>(() => new AudioClip([1], 0));
        Assert.Throws<ArgumentException>(() => clip with { SampleRate = -8000 });
        Assert.Throws<ArgumentNullException>(() => new AudioClip(null!, 16000));
    }

    [Fact]
    public void Reads_8_bit_unsigned_pcm()
    {
        byte[] data = [128, 255, 0, 192, 64];
        var clip = Wav.Read(WavFiles.Build(WavFiles.Pcm, 1, 8000, 8, data));

        Assert.Equal(8000, clip.SampleRate);
        Assert.Equal(new short[] { 0, 127 << 8, -128 << 8, 64 << 8, -64 << 8 }, clip.Samples);
    }

    [Fact]
    public void Reads_24_bit_pcm_rounding_to_16_bits()
    {
        int[] values = [0, 0x7FFFFF, -0x800000, 0x123456, -0x123456, 0x000080];
        var clip = Wav.Read(WavFiles.Build(WavFiles.Pcm, 1, 48000, 24, WavFiles.Int24(values)));

        Assert.Equal(48000, clip.SampleRate);
        Assert.Equal(new short[] { 0, short.MaxValue, short.MinValue, 0x1234, -0x1234, 1 }, clip.Samples);
    }

    [Fact]
    public void Reads_32_bit_integer_pcm()
    {
        int[] values = [0, int.MaxValue, int.MinValue, 0x40000000];
        var clip = Wav.Read(WavFiles.Build(WavFiles.Pcm, 1, 44100, 32, WavFiles.Int32(values)));

        Assert.Equal(new short[] { 0, short.MaxValue, short.MinValue, 0x4000 }, clip.Samples);
    }

    [Fact]
    public void Reads_32_bit_float_and_clips_out_of_range_values()
    {
        float[] values = [0f, 0.5f, -0.5f, 1f, -1f, 2f, -3f, float.NaN];
        var clip = Wav.Read(WavFiles.Build(WavFiles.Float, 1, 16000, 32, WavFiles.Float32(values)));

        Assert.Equal(new short[] { 0, 16384, -16384, short.MaxValue, short.MinValue, short.MaxValue, short.MinValue, 0 }, clip.Samples);
    }

    [Fact]
    public void Reads_stereo_by_averaging_the_channels()
    {
        short[] interleaved = [1000, 3000, -2000, 2000, short.MaxValue, short.MaxValue, 100, -100];
        var clip = Wav.Read(WavFiles.Build(WavFiles.Pcm, 2, 44100, 16, WavFiles.Int16(interleaved)));

        Assert.Equal(44100, clip.SampleRate);
        Assert.Equal(new short[] { 2000, 0, short.MaxValue, 0 }, clip.Samples);
    }

    [Fact]
    public void Reads_six_channel_float_extensible_with_an_odd_sized_chunk_before_data()
    {
        // Two frames of 5.1 audio: only the first channel carries signal in frame one, all in frame two.
        float[] values = [0.6f, 0, 0, 0, 0, 0, 0.25f, 0.25f, 0.25f, 0.25f, 0.25f, 0.25f];
        var clip = Wav.Read(WavFiles.BuildExtensible(WavFiles.Float, 6, 48000, 32, WavFiles.Float32(values)));

        Assert.Equal(48000, clip.SampleRate);
        Assert.Equal(new short[] { 3277, 8192 }, clip.Samples);
    }

    [Fact]
    public void Reads_extensible_pcm_24_bit_stereo()
    {
        int[] values = [0x100000, 0x300000, -0x100000, -0x100000];
        var clip = Wav.Read(WavFiles.BuildExtensible(WavFiles.Pcm, 2, 96000, 24, WavFiles.Int24(values)));

        Assert.Equal(new short[] { 0x2000, -0x1000 }, clip.Samples);
    }

    [Fact]
    public void Reads_a_streamed_file_whose_length_fields_are_placeholders()
    {
        // espeak-ng and sox writing to a pipe cannot seek back, so the data size says 0x7FFFF000.
        var samples = Signals.Sine(200, 0.01, 16000);
        var file = WavFiles.Build(WavFiles.Pcm, 1, 16000, 16, WavFiles.Int16(samples), declaredDataSize: 0x7FFFF000);

        Assert.Equal(samples, Wav.Read(file).Samples);
    }

    [Fact]
    public void Ignores_a_trailing_partial_frame()
    {
        var data = WavFiles.Int16([5, 6, 7, 8]).Concat(new byte[] { 9 }).ToArray();
        var clip = Wav.Read(WavFiles.Build(WavFiles.Pcm, 2, 8000, 16, data));

        Assert.Equal(new short[] { 6, 8 }, clip.Samples);
    }

    [Fact]
    public void Reads_what_espeak_ng_writes_to_a_pipe_when_it_is_installed()
    {
        var wav = ExternalTools.Run("espeak-ng", "--stdout", "hello");
        if (wav is null)
        {
            return;
        }

        var clip = Wav.Read(wav);

        Assert.Equal(22050, clip.SampleRate);
        Assert.InRange(clip.Duration.TotalSeconds, 0.2, 3);
        Assert.Contains(clip.Samples, s => Math.Abs((int)s) > 1000);
    }
}
