using Alicia.Suite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Alicia.Bench.Infrastructure;

/// <summary>Every service of the suite in this process, one host, as threads mode runs them (SuiteServices.All).</summary>
public sealed class InProcessSuite : IAsyncDisposable
{
    private readonly IHost _host;

    private InProcessSuite(IHost host) => _host = host;

    public static async Task<InProcessSuite> StartAsync(SuiteSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(settings.Values);
        foreach (var service in SuiteServices.All)
        {
            service.Add(builder);
        }

        var host = builder.Build();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        await host.StartAsync(timeout.Token);
        return new InProcessSuite(host);
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        try
        {
            await _host.StopAsync(timeout.Token);
        }
        finally
        {
            _host.Dispose();
        }
    }
}
