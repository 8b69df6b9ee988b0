using Microsoft.Extensions.Options;

namespace Alicia.Dashboard;

/// <summary>Refuses settings the browser could not use, naming the setting and what would work.</summary>
public sealed class DashboardOptionsValidator : IValidateOptions<DashboardOptions>
{
    public ValidateOptionsResult Validate(string? name, DashboardOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        List<string> failures = [];
        if (!HasScheme(options.Url, "http", "https"))
        {
            failures.Add($"{DashboardOptions.Section}:Url '{options.Url}' must be an absolute http:// or https:// address, e.g. http://127.0.0.1:8080");
        }

        if (!HasScheme(options.BrokerUrl, "ws", "wss"))
        {
            failures.Add($"{DashboardOptions.Section}:BrokerUrl '{options.BrokerUrl}' must be an absolute ws:// or wss:// address, e.g. ws://127.0.0.1:9001/mqtt");
        }

        if (string.IsNullOrWhiteSpace(options.User))
        {
            failures.Add($"{DashboardOptions.Section}:User must not be empty");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool HasScheme(string? value, params string[] schemes) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && schemes.Contains(uri.Scheme, StringComparer.Ordinal);
}
