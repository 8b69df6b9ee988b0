using Alicia.Bus;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Alicia.DemoDevices;

public static class DemoDevicesHostingExtensions
{
    /// <summary>
    /// Adds the virtual demo devices (on unless <c>Services:demo-devices:Enabled</c> is false). The broker
    /// address and secrets come from the <c>Bus</c> section like the services' (overridable under
    /// <c>Services:demo-devices:Bus</c>); they connect as the <c>bridge</c> user.
    /// </summary>
    public static IHostApplicationBuilder AddDemoDevices(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Configuration.AddEnvironmentVariables("ALICIA_");
        builder.Services.AddOptions<DemoDevicesOptions>()
            .Bind(builder.Configuration.GetSection(BusOptions.Section))
            .Bind(builder.Configuration.GetSection($"{DemoDevicesOptions.Section}:{BusOptions.Section}"))
            .Bind(builder.Configuration.GetSection(DemoDevicesOptions.Section))
            .ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DemoDevicesOptions>, DemoDevicesOptionsValidator>());
        builder.Services.TryAddSingleton(TimeProvider.System);
        // TryAdd: calling AddDemoDevices twice (e.g. from a combined host) still runs one set of devices.
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, DemoDevicesWorker>());
        return builder;
    }
}
