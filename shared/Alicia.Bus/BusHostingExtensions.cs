using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Alicia.Bus;

public static class BusHostingExtensions
{
    /// <summary>
    /// Adds one bus service: its named, validated <see cref="BusOptions"/> (the <c>Bus</c> section,
    /// overridden by <c>Services:{name}:Bus</c>), the shared bus plumbing, and the hosted service itself.
    /// </summary>
    public static IHostApplicationBuilder AddBusService<TService>(this IHostApplicationBuilder builder, string serviceName)
        where TService : BusServiceWrapper
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Configuration.AddEnvironmentVariables("ALICIA_");
        builder.Services.AddBusCore();
        builder.Services.AddOptions<BusOptions>(serviceName)
            .Bind(builder.Configuration.GetSection(BusOptions.Section))
            .Bind(builder.Configuration.GetSection($"Services:{serviceName}:{BusOptions.Section}"))
            .Configure(options => options.ServiceName = serviceName)
            .ValidateOnStart();
        builder.Services.AddHostedService<TService>();
        return builder;
    }

    /// <summary>Binds a service's own options from <paramref name="section"/>, checked by <typeparamref name="TValidator"/> when the host starts.</summary>
    public static OptionsBuilder<TOptions> AddValidatedOptions<TOptions, TValidator>(this IHostApplicationBuilder builder, string section)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>, TValidator>());
        return builder.Services.AddOptions<TOptions>().Bind(builder.Configuration.GetSection(section)).ValidateOnStart();
    }

    /// <summary>Registers the JSON metadata of a service's payload types (its source-generated context).</summary>
    public static IServiceCollection AddBusJson(this IServiceCollection services, IJsonTypeInfoResolver resolver)
    {
        services.AddSingleton(resolver);
        return services;
    }

    public static IServiceCollection AddBusCore(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(provider => new BusJson(provider.GetServices<IJsonTypeInfoResolver>()));
        services.TryAddSingleton<BusClientFactory>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BusOptions>, BusOptionsValidator>());
        return services;
    }
}
