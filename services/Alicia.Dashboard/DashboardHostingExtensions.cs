using Alicia.Bus;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Alicia.Dashboard;

public static class DashboardHostingExtensions
{
    /// <summary>
    /// The page lives in wwwroot beside the assembly (copied there by the build), so the host finds it
    /// whatever the working directory: <c>dotnet run</c>, <c>dotnet build -o</c>, publish or a test.
    /// </summary>
    public static WebApplicationOptions ApplicationOptions(string[] args) => new()
    {
        Args = args,
        ContentRootPath = AppContext.BaseDirectory,
        WebRootPath = Path.Combine(AppContext.BaseDirectory, "wwwroot"),
    };

    /// <summary>
    /// Adds the dashboard's validated options (<c>Services:dashboard</c>) and listens on its <c>Url</c>.
    /// The address is checked here rather than at start because the server binds it before any options are resolved.
    /// </summary>
    public static WebApplicationBuilder AddDashboard(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddValidatedOptions<DashboardOptions, DashboardOptionsValidator>(DashboardOptions.Section);

        var options = builder.Configuration.GetSection(DashboardOptions.Section).Get<DashboardOptions>() ?? new DashboardOptions();
        var result = new DashboardOptionsValidator().Validate(null, options);
        if (result.Failed)
        {
            throw new OptionsValidationException(DashboardOptions.Section, typeof(DashboardOptions), result.Failures);
        }

        builder.WebHost.UseUrls(options.Url);
        return builder;
    }

    /// <summary>Serves the page (index.html, scripts, styles, the audio worklet) and <c>/config.json</c>.</summary>
    public static WebApplication MapDashboard(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Lifetime.ApplicationStarted.Register(() => LogAddresses(app));
        app.UseSecurityHeaders();
        app.UseDefaultFiles();
        app.UseStaticFiles(new StaticFileOptions
        {
            ContentTypeProvider = new FileExtensionContentTypeProvider(),
            // Small files, changed with every release: the browser revalidates (ETag) instead of running stale code.
            OnPrepareResponse = file => file.Context.Response.Headers.CacheControl = "no-cache",
        });
        app.MapGet("/config.json", (HttpContext context, IOptions<DashboardOptions> options) =>
        {
            context.Response.Headers.CacheControl = "no-store";
            return Results.Json(new ClientConfig(options.Value.BrokerUrl, options.Value.User), DashboardJson.Default.ClientConfig);
        });
        return app;
    }

    /// <summary>The bound addresses (the real port when configured with :0), so a person knows where to point the browser.</summary>
    public static IReadOnlyList<string> Addresses(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var server = app.Services.GetRequiredService<IServer>();
        return server.Features.Get<IServerAddressesFeature>()?.Addresses.ToList() ?? [];
    }

    private static void LogAddresses(WebApplication app)
    {
        var broker = app.Services.GetRequiredService<IOptions<DashboardOptions>>().Value.BrokerUrl;
        foreach (var address in app.Addresses())
        {
            app.Logger.LogInformation("Dashboard on {Address} (broker {BrokerUrl})", address, broker);
        }
    }
}
