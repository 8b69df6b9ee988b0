using System.Text.Json;
using Alicia.Contracts;

namespace Alicia.Cli.Commands;

/// <summary><c>health</c>: every service's retained status. Exit code 1 when any is not online.</summary>
public sealed class HealthCommand : ICliCommand
{
    public string Name => "health";

    public string Help => """
        health [--wait SECONDS] [--json]
            every service's status, uptime, messages and errors; exits 1 if any service is not online
        """;

    public async Task<int> RunAsync(CliContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Arguments.Allow("--wait", "--host", "--port", "--secrets", "--connect-timeout");
        var reports = new System.Collections.Concurrent.ConcurrentDictionary<string, HealthReport>();
        await using var bus = await CliBus.ConnectAsync(context, b =>
            b.OnEvent<JsonElement>(Topics.Health.AnyService, (m, ct) =>
            {
                // The summary and other documents share the subtree; only service reports count here.
                if (m.Payload.TryGetProperty("service", out _) && m.Payload.TryGetProperty("uptime_seconds", out _))
                {
                    var report = m.Payload.Deserialize(ContractsJson.Default.HealthReport)!;
                    reports[report.Service] = report;
                }

                return Task.CompletedTask;
            }), cancellationToken);

        // Retained reports arrive right after subscribing; give them a moment (or longer with --wait).
        await Task.Delay(TimeSpan.FromSeconds(context.Arguments.Number("--wait", 1)), cancellationToken);
        var rows = ServiceNames.Services
            .Select(name => reports.GetValueOrDefault(name) ?? new HealthReport(name, "-", HealthState.Offline, "-", 0, 0, 0, 0))
            .Concat(reports.Values.Where(r => !ServiceNames.Services.Contains(r.Service)))
            .ToList();
        if (context.Json)
        {
            await context.Out.WriteLineAsync(JsonSerializer.Serialize(rows, CliJson.Default.ListHealthReport));
        }
        else
        {
            await context.Out.WriteLineAsync($"{"SERVICE",-16} {"STATUS",-9} {"UPTIME",9} {"MESSAGES",9} {"ERRORS",7}  VERSION");
            foreach (var row in rows)
            {
                await context.Out.WriteLineAsync($"{row.Service,-16} {Status(row),-9} {Uptime(row.UptimeSeconds),9} {row.MessagesProcessed,9} {row.Errors,7}  {row.Version}");
            }
        }

        return rows.All(r => r.Status == HealthState.Online) ? 0 : 1;
    }

    private static string Status(HealthReport report) => report.Status.ToString().ToLowerInvariant();

    private static string Uptime(double seconds) =>
        seconds <= 0 ? "-" : TimeSpan.FromSeconds(seconds) is var t && t.TotalHours >= 1 ? $"{(int)t.TotalHours}h{t.Minutes:00}m" : $"{t.Minutes}m{t.Seconds:00}s";
}
