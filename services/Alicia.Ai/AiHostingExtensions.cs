using Alicia.Ai.Llm;
using Alicia.Bus;
using Alicia.Contracts;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Alicia.Ai;

public static class AiHostingExtensions
{
    /// <summary>
    /// Adds the AI service: its validated options (<c>Services:ai</c>), the HTTP client for the optional
    /// LLM, its JSON context, and the bus service itself.
    /// </summary>
    public static IHostApplicationBuilder AddAi(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddValidatedOptions<AiOptions, AiOptionsValidator>(AiOptions.Section);
        builder.Services.AddHttpClient(LlmClient.HttpClientName);
        builder.Services.TryAddSingleton<LlmClient>();
        builder.Services.AddBusJson(AiJson.Default);
        builder.AddBusService<AiService>(ServiceNames.Ai);
        return builder;
    }
}
