using Microsoft.Extensions.Hosting;

namespace Alicia.ServiceTesting;

/// <summary>A started service host that stops cleanly (unregister, offline status, DISCONNECT) when disposed.</summary>
public sealed class RunningHost(IHost host) : IAsyncDisposable
{
    public IServiceProvider Services => host.Services;

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await host.StopAsync(timeout.Token);
        host.Dispose();
    }
}
