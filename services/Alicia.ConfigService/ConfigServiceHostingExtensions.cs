using Alicia.Bus;
using Alicia.Contracts;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Alicia.ConfigService;

public static class ConfigServiceHostingExtensions
{
    /// <summary>Adds the config service with its validated options from <c>Services:config-service</c>.</summary>
    public static IHostApplicationBuilder AddConfigService(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddValidatedOptions<ConfigServiceOptions, ConfigServiceOptionsValidator>(ConfigServiceOptions.Section);
        builder.Services.TryAddSingleton(provider => new ConfigStore(
            provider.GetRequiredService<IOptions<ConfigServiceOptions>>().Value.ResolvedDirectory(),
            provider.GetRequiredService<TimeProvider>()));
        return builder.AddBusService<ConfigurationService>(ServiceNames.ConfigService);
    }
}
