using System.Buffers;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using MQTTnet.Channel;

namespace Alicia.Bus;

/// <summary>
/// An <see cref="IMqttChannel"/> that reads the socket in large chunks. MQTTnet asks its channel for
/// a packet's fixed header, its length bytes and its body separately; unbuffered, that is about three
/// receive system calls (and often three thread-pool hops) for every small message. With a buffer, a
/// busy connection reads many packets per call, and an idle one still returns each packet as soon as
/// it arrives because a read never waits for more than the socket already holds.
/// </summary>
public sealed class ReadBufferedChannel(IMqttChannel inner, int bufferSize = ReadBufferedChannel.DefaultBufferSize) : IMqttChannel, IDisposable
{
    public const int DefaultBufferSize = 64 * 1024;

    private readonly byte[] _buffer = new byte[bufferSize];
    private int _start;
    private int _end;

    public X509Certificate2 ClientCertificate => inner.ClientCertificate;

    public EndPoint RemoteEndPoint => inner.RemoteEndPoint;

    public EndPoint LocalEndPoint => inner.LocalEndPoint;

    public bool IsSecureConnection => inner.IsSecureConnection;

    public Task ConnectAsync(CancellationToken cancellationToken)
    {
        (_start, _end) = (0, 0);
        return inner.ConnectAsync(cancellationToken);
    }

    public Task DisconnectAsync(CancellationToken cancellationToken) => inner.DisconnectAsync(cancellationToken);

    public Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        if (_end > _start)
        {
            return Task.FromResult(CopyBuffered(buffer, offset, count));
        }

        // A read as large as the buffer gains nothing from it.
        return count >= _buffer.Length ? inner.ReadAsync(buffer, offset, count, cancellationToken) : FillAndCopyAsync(buffer, offset, count, cancellationToken);
    }

    public Task WriteAsync(ReadOnlySequence<byte> buffer, bool isEndOfPacket, CancellationToken cancellationToken) =>
        inner.WriteAsync(buffer, isEndOfPacket, cancellationToken);

    public void Dispose() => (inner as IDisposable)?.Dispose();

    private async Task<int> FillAndCopyAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        var read = await inner.ReadAsync(_buffer, 0, _buffer.Length, cancellationToken);
        if (read <= 0)
        {
            return read;
        }

        (_start, _end) = (0, read);
        return CopyBuffered(buffer, offset, count);
    }

    private int CopyBuffered(byte[] buffer, int offset, int count)
    {
        var copied = Math.Min(count, _end - _start);
        Buffer.BlockCopy(_buffer, _start, buffer, offset, copied);
        _start += copied;
        return copied;
    }
}
