using Alicia.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Alicia.Ai.Tests.Support;

/// <summary>The AI service in a host of its own, configured for a test broker with test-friendly timings.</summary>
internal sealed class AiHost : IAsyncDisposable
{
    private readonly IHost _host;

    private AiHost(IHost host) => _host = host;

    public static async Task<AiHost> StartAsync(MosquittoBroker broker, string dataDirectory, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Bus:Host"] = broker.Host,
            ["Bus:Port"] = broker.MqttPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Bus:SecretsDirectory"] = broker.SecretsDirectory,
            ["Bus:ReconnectMinDelay"] = "00:00:00.050",
            ["Bus:ReconnectMaxDelay"] = "00:00:00.500",
            ["Bus:RetryBaseDelay"] = "00:00:00.020",
            ["Bus:RetryMaxDelay"] = "00:00:00.100",
            ["Services:ai:IntentsDirectory"] = Repo.IntentsDirectory,
            ["Services:ai:DataDirectory"] = dataDirectory,
            ["Services:ai:CommandAttemptTimeout"] = "00:00:00.400",
            ["Services:ai:CommandMaxAttempts"] = "2",
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.AddAi();
        var host = builder.Build();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await host.StartAsync(timeout.Token);
        return new AiHost(host);
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await _host.StopAsync(timeout.Token);
        _host.Dispose();
    }
}
