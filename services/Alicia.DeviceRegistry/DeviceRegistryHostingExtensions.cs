using Alicia.Bus;
using Alicia.Contracts;
using Alicia.DeviceRegistry.Registry;
using Alicia.DeviceRegistry.State;
using Alicia.DeviceRegistry.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Alicia.DeviceRegistry;

public static class DeviceRegistryHostingExtensions
{
    /// <summary>
    /// Adds the device registry: its validated options (<c>Services:device-registry</c>), the SQLite store
    /// (opened and migrated when the service starts), and the bus service itself.
    /// </summary>
    public static IHostApplicationBuilder AddDeviceRegistry(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddValidatedOptions<DeviceRegistryOptions, DeviceRegistryOptionsValidator>(DeviceRegistryOptions.Section);
        builder.Services.AddBusJson(DeviceRegistryJson.Default);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton(provider => DeviceStore.Open(
            provider.GetRequiredService<IOptions<DeviceRegistryOptions>>().Value.DataDirectory,
            provider.GetRequiredService<TimeProvider>()));
        builder.Services.TryAddSingleton<DeviceCatalog>();
        builder.Services.TryAddSingleton<DeviceStates>();
        builder.AddBusService<DeviceRegistryService>(ServiceNames.DeviceRegistry);
        return builder;
    }
}
