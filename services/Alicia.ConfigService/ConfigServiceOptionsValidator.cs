using Microsoft.Extensions.Options;

namespace Alicia.ConfigService;

public sealed class ConfigServiceOptionsValidator : IValidateOptions<ConfigServiceOptions>
{
    public ValidateOptionsResult Validate(string? name, ConfigServiceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.Directory))
        {
            return ValidateOptionsResult.Fail($"{ConfigServiceOptions.Section}:Directory is empty.");
        }

        var directory = options.ResolvedDirectory();
        return Directory.Exists(directory)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"{ConfigServiceOptions.Section}:Directory '{options.Directory}' does not exist (looked for {directory}).");
    }
}
