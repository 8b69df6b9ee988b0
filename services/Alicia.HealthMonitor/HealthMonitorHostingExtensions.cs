using Alicia.Bus;
using Alicia.Contracts;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Alicia.HealthMonitor;

public static class HealthMonitorHostingExtensions
{
    /// <summary>Adds the health monitor with its validated options from <c>Services:health-monitor</c>.</summary>
    public static IHostApplicationBuilder AddHealthMonitor(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddValidatedOptions<HealthMonitorOptions, HealthMonitorOptionsValidator>(HealthMonitorOptions.Section);

        // A last will followed by the reconnect's "online" must be applied in that order: one dispatcher
        // by default (registered before the bus binds its configuration, which can still override it).
        builder.Services.Configure<BusOptions>(ServiceNames.HealthMonitor, bus => bus.DispatchConcurrency = 1);
        return builder.AddBusService<HealthMonitorService>(ServiceNames.HealthMonitor);
    }
}
