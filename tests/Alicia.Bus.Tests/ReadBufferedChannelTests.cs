using System.Net;
using MQTTnet.Implementations;

namespace Alicia.Bus.Tests;

public sealed class ReadBufferedChannelTests
{
    [Fact]
    public async Task Small_reads_are_served_from_one_read_of_the_socket()
    {
        var bytes = Enumerable.Range(0, 1000).Select(i => (byte)i).ToArray();
        await using var stream = new ReadCountingStream(bytes);
        using var channel = Buffered(stream, bufferSize: 4096);

        var received = new List<byte>();
        var chunk = new byte[3];
        int read;
        while ((read = await channel.ReadAsync(chunk, 0, chunk.Length, CancellationToken.None)) > 0)
        {
            received.AddRange(chunk.Take(read));
        }

        Assert.Equal(bytes, received);
        // One read filled the buffer, one more found the end of the stream.
        Assert.Equal(2, stream.Reads);
    }

    [Fact]
    public async Task A_read_never_waits_for_more_than_is_already_buffered()
    {
        await using var stream = new ReadCountingStream([1, 2, 3, 4, 5]);
        using var channel = Buffered(stream, bufferSize: 4096);
        var target = new byte[100];

        var first = await channel.ReadAsync(target, 0, 2, CancellationToken.None);
        var rest = await channel.ReadAsync(target, 2, 98, CancellationToken.None);

        Assert.Equal((2, 3), (first, rest));
        Assert.Equal([1, 2, 3, 4, 5], target.Take(5));
        Assert.Equal(1, stream.Reads);
    }

    [Fact]
    public async Task Reads_as_large_as_the_buffer_go_straight_to_the_socket()
    {
        var bytes = new byte[10_000];
        Random.Shared.NextBytes(bytes);
        await using var stream = new ReadCountingStream(bytes);
        using var channel = Buffered(stream, bufferSize: 1024);
        var target = new byte[10_000];

        var read = await channel.ReadAsync(target, 0, target.Length, CancellationToken.None);

        Assert.Equal(10_000, read);
        Assert.Equal(bytes, target);
    }

    private static ReadBufferedChannel Buffered(Stream stream, int bufferSize) =>
        new(new MqttTcpChannel(stream, new IPEndPoint(IPAddress.Loopback, 1), new IPEndPoint(IPAddress.Loopback, 2), null), bufferSize);

    /// <summary>A socket's stream stand-in that counts how often it is read.</summary>
    private sealed class ReadCountingStream(byte[] bytes) : MemoryStream(bytes)
    {
        public int Reads { get; private set; }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            Reads++;
            return base.ReadAsync(buffer, offset, count, cancellationToken);
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Reads++;
            return base.ReadAsync(buffer, cancellationToken);
        }
    }
}
