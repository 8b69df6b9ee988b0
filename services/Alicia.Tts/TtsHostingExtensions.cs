using Alicia.Bus;
using Alicia.Contracts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Alicia.Tts;

public static class TtsHostingExtensions
{
    /// <summary>
    /// Adds the text-to-speech service: its options from <c>Services:tts</c> (validated at start-up) and the
    /// bus service itself. Safe to call next to the other services' Add methods in one process.
    /// </summary>
    public static IHostApplicationBuilder AddTts(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddValidatedOptions<TtsOptions, TtsOptionsValidator>(TtsOptions.Section);
        builder.AddBusService<TtsService>(ServiceNames.Tts);
        return builder;
    }
}
