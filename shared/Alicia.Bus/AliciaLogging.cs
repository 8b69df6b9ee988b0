using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace Alicia.Bus;

public static class AliciaLogging
{
    /// <summary>
    /// Serilog for a service host: readable lines on the console, and, when <c>Logging:Directory</c>
    /// (or ALICIA_LOG_DIR) is set, structured compact-JSON lines in <c>{directory}/{name}.log</c>.
    /// </summary>
    public static IHostApplicationBuilder AddAliciaLogging(this IHostApplicationBuilder builder, string name)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var directory = builder.Configuration["Logging:Directory"] ?? Environment.GetEnvironmentVariable("ALICIA_LOG_DIR");
        var configuration = new LoggerConfiguration()
            .MinimumLevel.Information()
            .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
            .Enrich.WithProperty("Host", name)
            .WriteTo.Console(outputTemplate: "{Timestamp:HH:mm:ss.fff} {Level:u3} [{SourceContext}] {Message:lj}{NewLine}{Exception}",
                formatProvider: System.Globalization.CultureInfo.InvariantCulture);
        if (!string.IsNullOrEmpty(directory))
        {
            configuration.WriteTo.File(new CompactJsonFormatter(), Path.Combine(directory, $"{name}.log"));
        }

        builder.Services.AddSerilog(configuration.CreateLogger(), dispose: true);
        return builder;
    }
}
