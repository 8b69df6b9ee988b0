using Alicia.Bus;
using Alicia.Contracts;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Alicia.Discovery;

public static class DiscoveryHostingExtensions
{
    /// <summary>Adds discovery with its validated options from <c>Services:discovery</c>.</summary>
    public static IHostApplicationBuilder AddDiscovery(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddValidatedOptions<DiscoveryOptions, DiscoveryOptionsValidator>(DiscoveryOptions.Section);

        // An unregister followed by the same service's offline status, or a last will followed by the
        // reconnect's registration, must be applied in order: one dispatcher unless configured otherwise.
        builder.Services.Configure<BusOptions>(ServiceNames.Discovery, bus => bus.DispatchConcurrency = 1);
        return builder.AddBusService<DiscoveryService>(ServiceNames.Discovery);
    }
}
