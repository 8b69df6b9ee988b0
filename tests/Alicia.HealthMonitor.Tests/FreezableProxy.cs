using System.Net;
using System.Net.Sockets;

namespace Alicia.HealthMonitor.Tests;

/// <summary>
/// A TCP relay between a service and the broker that can freeze: bytes stop flowing both ways while both
/// connections stay open, as when a process hangs or the network silently drops packets. Only the broker's
/// keep-alive can tell; with the relay thawed, traffic (and reconnects) flow again.
/// </summary>
internal sealed class FreezableProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly string _targetHost;
    private readonly int _targetPort;
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<TcpClient> _connections = [];
    private readonly Task _accepting;
    private volatile bool _frozen;

    public FreezableProxy(string targetHost, int targetPort)
    {
        _targetHost = targetHost;
        _targetPort = targetPort;
        _listener.Start();
        _accepting = AcceptAsync(_stopping.Token);
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public void Freeze() => _frozen = true;

    public void Thaw() => _frozen = false;

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Stop();
        lock (_connections)
        {
            foreach (var connection in _connections)
            {
                connection.Dispose();
            }
        }

        await _accepting.ContinueWith(_ => { }, TaskScheduler.Default);
        _stopping.Dispose();
    }

    private async Task AcceptAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(cancellationToken);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            var upstream = new TcpClient();
            lock (_connections)
            {
                _connections.Add(client);
                _connections.Add(upstream);
            }

            _ = RelayAsync(client, upstream, cancellationToken);
        }
    }

    private async Task RelayAsync(TcpClient client, TcpClient upstream, CancellationToken cancellationToken)
    {
        try
        {
            await upstream.ConnectAsync(_targetHost, _targetPort, cancellationToken);
            await Task.WhenAny(
                PumpAsync(client.GetStream(), upstream.GetStream(), cancellationToken),
                PumpAsync(upstream.GetStream(), client.GetStream(), cancellationToken));
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
        {
        }
        finally
        {
            // One side closed: close the other, as a relay that lost a leg would.
            client.Dispose();
            upstream.Dispose();
        }
    }

    private async Task PumpAsync(NetworkStream from, NetworkStream to, CancellationToken cancellationToken)
    {
        var buffer = new byte[16 * 1024];
        while (true)
        {
            var read = await from.ReadAsync(buffer, cancellationToken);
            if (read == 0)
            {
                return;
            }

            while (_frozen)
            {
                await Task.Delay(10, cancellationToken);
            }

            await to.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }
    }
}
