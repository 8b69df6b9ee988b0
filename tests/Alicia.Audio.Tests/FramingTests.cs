namespace Alicia.Audio.Tests;

public sealed class FramingTests
{
    [Fact]
    public void Odd_sized_byte_chunks_come_out_as_whole_frames_in_order()
    {
        var samples = Signals.Noise(1.0, -20, seed: 1);
        var bytes = Pcm.ToBytes(samples);
        var framer = AudioFramer.ForDuration(20);
        var random = new Random(7);
        var received = new List<short>();
        int frames = 0;

        for (int offset = 0; offset < bytes.Length;)
        {
            int size = Math.Min(random.Next(1, 1500), bytes.Length - offset);
            framer.Append(bytes.AsSpan(offset, size));
            offset += size;
            while (framer.TryReadFrame(out var frame))
            {
                Assert.Equal(320, frame.Length);
                received.AddRange(frame.ToArray());
                frames++;
            }

            Assert.InRange(framer.PendingSamples, 0, 319);
            Assert.Equal(offset % 2 == 1, framer.HasPendingByte);
        }

        Assert.Equal(50, frames);
        Assert.Equal(samples, received);
    }

    [Fact]
    public void A_sample_split_across_two_chunks_is_joined()
    {
        var framer = new AudioFramer(2);
        var bytes = Pcm.ToBytes([-12345, 23456]);

        framer.Append(bytes.AsSpan(0, 1));
        framer.Append(bytes.AsSpan(1, 2));
        Assert.False(framer.TryReadFrame(out _));
        framer.Append(bytes.AsSpan(3, 1));

        Assert.True(framer.TryReadFrame(out var frame));
        Assert.Equal(new short[] { -12345, 23456 }, frame.ToArray());
    }

    [Fact]
    public void The_remainder_waits_for_the_next_chunk_and_can_be_taken_at_the_end()
    {
        var framer = new AudioFramer(480);
        var first = Enumerable.Range(0, 700).Select(i => (short)i).ToArray();
        var second = Enumerable.Range(700, 300).Select(i => (short)i).ToArray();

        framer.Append(first);
        Assert.True(framer.TryReadFrame(out var one));
        Assert.Equal(0, one[0]);
        Assert.False(framer.TryReadFrame(out _));
        Assert.Equal(220, framer.PendingSamples);

        framer.Append(second);
        Assert.True(framer.TryReadFrame(out var two));
        Assert.Equal(480, two[0]);
        Assert.Equal(959, two[^1]);

        var rest = framer.TakeRemainder();
        Assert.Equal(Enumerable.Range(960, 40).Select(i => (short)i), rest);
        Assert.Equal(0, framer.PendingSamples);
    }

    [Fact]
    public void A_chunk_larger_than_the_buffer_is_accepted()
    {
        var framer = new AudioFramer(10);
        framer.Append(new short[1005]);

        int frames = 0;
        while (framer.TryReadFrame(out _))
        {
            frames++;
        }

        Assert.Equal(100, frames);
        Assert.Equal(5, framer.PendingSamples);
    }

    [Theory]
    [InlineData(20, 16000, 320)]
    [InlineData(30, 16000, 480)]
    [InlineData(10, 8000, 80)]
    [InlineData(20, 44100, 882)]
    public void Frame_durations_convert_to_sample_counts(int milliseconds, int rate, int samples)
    {
        Assert.Equal(samples, AudioFramer.ForDuration(milliseconds, rate).FrameSamples);
    }

    [Theory]
    [InlineData(0, 16000)]
    [InlineData(-20, 16000)]
    [InlineData(7, 44100)]
    [InlineData(20, 0)]
    public void Impossible_frame_sizes_are_rejected(int milliseconds, int rate)
    {
        Assert.Throws<ArgumentException>(() => AudioFramer.ForDuration(milliseconds, rate));
    }

    [Fact]
    public void Pcm_bytes_and_samples_convert_both_ways_little_endian()
    {
        short[] samples = [0, 1, -1, short.MaxValue, short.MinValue, 0x1234];

        var bytes = Pcm.ToBytes(samples);

        Assert.Equal(new byte[] { 0, 0, 1, 0, 0xFF, 0xFF, 0xFF, 0x7F, 0x00, 0x80, 0x34, 0x12 }, bytes);
        Assert.Equal(samples, Pcm.ToSamples(bytes));
    }

    [Fact]
    public void Pcm_with_an_odd_number_of_bytes_is_rejected()
    {
        var error = Assert.Throws<ArgumentException>(() => Pcm.ToSamples(new byte[3]));

        Assert.Contains("even number of bytes", error.Message, StringComparison.Ordinal);
    }
}
