using Alicia.Bus;
using Alicia.Contracts;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Alicia.Stt;

public static class SttHostingExtensions
{
    /// <summary>
    /// Adds the speech-to-text service: its options from <c>Services:stt</c> (validated at start-up) and the
    /// bus service itself. Safe to call next to the other services' Add methods in one process.
    /// </summary>
    public static IHostApplicationBuilder AddStt(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddValidatedOptions<SttOptions, SttOptionsValidator>(SttOptions.Section);
        builder.AddBusService<SttService>(ServiceNames.Stt);
        return builder;
    }
}
