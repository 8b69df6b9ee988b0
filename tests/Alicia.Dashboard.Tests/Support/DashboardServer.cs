using Alicia.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Alicia.Dashboard.Tests.Support;

/// <summary>The dashboard host as Program.cs builds it, on a free loopback port, pointed at the test broker's websockets.</summary>
public sealed class DashboardServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private DashboardServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    /// <summary>The page's address, e.g. http://127.0.0.1:41234/.</summary>
    public Uri Address { get; }

    public static string BrokerUrl(MosquittoBroker broker)
    {
        ArgumentNullException.ThrowIfNull(broker);
        return $"ws://{broker.Host}:{broker.WebSocketPort}/mqtt";
    }

    public static async Task<DashboardServer> StartAsync(IReadOnlyDictionary<string, string?> settings)
    {
        var builder = WebApplication.CreateBuilder(DashboardHostingExtensions.ApplicationOptions([]));
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Services:dashboard:Url"] = "http://127.0.0.1:0" });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddDashboard();
        var app = builder.Build();
        app.MapDashboard();
        await app.StartAsync();
        return new DashboardServer(app, new Uri(app.Addresses().Single() + "/"));
    }

    public static Task<DashboardServer> StartAsync(MosquittoBroker broker) =>
        StartAsync(new Dictionary<string, string?> { ["Services:dashboard:BrokerUrl"] = BrokerUrl(broker) });

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
