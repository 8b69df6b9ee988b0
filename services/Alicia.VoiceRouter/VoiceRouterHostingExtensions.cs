using Alicia.Bus;
using Alicia.Contracts;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Alicia.VoiceRouter;

public static class VoiceRouterHostingExtensions
{
    /// <summary>Adds the voice router: its validated options (<c>Services:voice-router</c>) and the bus service.</summary>
    public static IHostApplicationBuilder AddVoiceRouter(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddValidatedOptions<VoiceRouterOptions, VoiceRouterOptionsValidator>(VoiceRouterOptions.Section);
        builder.AddBusService<VoiceRouterService>(ServiceNames.VoiceRouter);
        return builder;
    }
}
