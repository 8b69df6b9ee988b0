using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Alicia.Bus;

/// <summary>Refuses to start with options that would only fail later, and says which setting is wrong.</summary>
public sealed partial class BusOptionsValidator : IValidateOptions<BusOptions>
{
    public ValidateOptionsResult Validate(string? name, BusOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();

        if (!NamePattern().IsMatch(options.ServiceName))
        {
            errors.Add($"Bus:ServiceName '{options.ServiceName}' must be lower-case letters, digits and dashes (it is a topic level and a broker user).");
        }

        if (!NamePattern().IsMatch(options.Instance))
        {
            errors.Add($"Bus:Instance '{options.Instance}' must be lower-case letters, digits and dashes.");
        }

        if (string.IsNullOrWhiteSpace(options.Host))
        {
            errors.Add("Bus:Host is empty.");
        }

        if (options.Port is < 1 or > 65535)
        {
            errors.Add($"Bus:Port {options.Port} is not a TCP port.");
        }

        if (errors.Count == 0)
        {
            RequireFile(errors, options.UseTls ? options.CertificateFile : options.PasswordFile, options);
            if (options.UseTls)
            {
                RequireFile(errors, options.KeyFile, options);
                RequireFile(errors, options.CaFile, options);
            }
        }

        Positive(errors, options.KeepAlive, "KeepAlive");
        Positive(errors, options.HealthInterval, "HealthInterval");
        Positive(errors, options.MetricsInterval, "MetricsInterval");
        Positive(errors, options.ReconnectMinDelay, "ReconnectMinDelay");
        Positive(errors, options.CommandAttemptTimeout, "CommandAttemptTimeout");
        Positive(errors, options.QueryTimeout, "QueryTimeout");
        Positive(errors, options.RetryBaseDelay, "RetryBaseDelay");
        if (options.ReconnectMaxDelay < options.ReconnectMinDelay)
        {
            errors.Add("Bus:ReconnectMaxDelay must not be shorter than Bus:ReconnectMinDelay.");
        }

        if (options.RetryMaxDelay < options.RetryBaseDelay)
        {
            errors.Add("Bus:RetryMaxDelay must not be shorter than Bus:RetryBaseDelay.");
        }

        AtLeastOne(errors, options.MaxPayloadBytes, "MaxPayloadBytes");
        AtLeastOne(errors, options.OutboxCapacity, "OutboxCapacity");
        AtLeastOne(errors, options.QueueCapacity, "QueueCapacity");
        AtLeastOne(errors, options.DispatchConcurrency, "DispatchConcurrency");
        AtLeastOne(errors, options.CommandMaxAttempts, "CommandMaxAttempts");
        AtLeastOne(errors, options.IdempotencyCapacity, "IdempotencyCapacity");
        if (options.MetricsPort is < 0 or > 65535)
        {
            errors.Add($"Bus:MetricsPort {options.MetricsPort} is not a TCP port (0 turns the endpoint off).");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void RequireFile(List<string> errors, string path, BusOptions options)
    {
        if (!File.Exists(path))
        {
            errors.Add($"'{path}' not found for service '{options.ServiceName}': run deploy/secrets.sh (or set Bus:SecretsDirectory).");
        }
    }

    private static void Positive(List<string> errors, TimeSpan value, string setting)
    {
        if (value <= TimeSpan.Zero)
        {
            errors.Add($"Bus:{setting} must be positive, not {value}.");
        }
    }

    private static void AtLeastOne(List<string> errors, int value, string setting)
    {
        if (value < 1)
        {
            errors.Add($"Bus:{setting} must be at least 1, not {value}.");
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,62}$")]
    private static partial Regex NamePattern();
}
