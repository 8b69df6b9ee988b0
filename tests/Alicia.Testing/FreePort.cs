using System.Net;
using System.Net.Sockets;

namespace Alicia.Testing;

/// <summary>Hands out loopback TCP ports that are free right now and not handed out before in this process.</summary>
public static class FreePort
{
    private static readonly HashSet<int> HandedOut = [];
    private static readonly Lock Gate = new();

    public static int Next()
    {
        lock (Gate)
        {
            while (true)
            {
                // Port 0 lets the kernel choose; remembering the answers keeps two brokers started
                // in parallel from getting the same port before either has bound it.
                using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
                var port = ((IPEndPoint)listener.LocalEndPoint!).Port;
                if (HandedOut.Add(port))
                {
                    return port;
                }
            }
        }
    }
}
