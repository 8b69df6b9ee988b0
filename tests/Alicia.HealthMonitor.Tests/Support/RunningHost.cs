using Microsoft.Extensions.Hosting;

namespace Alicia.ServiceTesting;

/// <summary>A started service host that stops cleanly (unregister, offline status, DISCONNECT) when disposed.</summary>
public sealed class RunningHost(IHost host) : IAsyncDisposable
{
    private bool _gone;

    public IServiceProvider Services => host.Services;

    /// <summary>
    /// Ends the host without stopping it: no unregister, no offline status, and the MQTT connection is dropped
    /// without DISCONNECT, so the broker publishes the services' last wills, as when a process dies.
    /// </summary>
    public void Crash()
    {
        _gone = true;
        host.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        if (_gone)
        {
            return;
        }

        _gone = true;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await host.StopAsync(timeout.Token);
        host.Dispose();
    }
}
