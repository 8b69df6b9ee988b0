using Microsoft.Extensions.Options;

namespace Alicia.Ai;

/// <summary>Checks the AI settings at start-up, naming the setting that is wrong.</summary>
public sealed class AiOptionsValidator : IValidateOptions<AiOptions>
{
    public ValidateOptionsResult Validate(string? name, AiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (IntentsLocator.Find(options.IntentsDirectory) is null)
        {
            errors.Add($"{AiOptions.Section}:IntentsDirectory: no directory '{options.IntentsDirectory}' here or above the working directory.");
        }

        if (string.IsNullOrWhiteSpace(options.DataDirectory))
        {
            errors.Add($"{AiOptions.Section}:DataDirectory must name a directory for the timers file.");
        }

        if (options.ContextTimeout <= TimeSpan.Zero)
        {
            errors.Add($"{AiOptions.Section}:ContextTimeout must be positive, got {options.ContextTimeout}.");
        }

        if (options.MinConfidence is <= 0 or > 1)
        {
            errors.Add($"{AiOptions.Section}:MinConfidence must be in (0, 1], got {options.MinConfidence}.");
        }

        if (options.CommandAttemptTimeout <= TimeSpan.Zero)
        {
            errors.Add($"{AiOptions.Section}:CommandAttemptTimeout must be positive, got {options.CommandAttemptTimeout}.");
        }

        if (options.CommandMaxAttempts is < 1 or > 10)
        {
            errors.Add($"{AiOptions.Section}:CommandMaxAttempts must be 1 to 10, got {options.CommandMaxAttempts}.");
        }

        ValidateLlm(options.Llm, errors);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void ValidateLlm(LlmOptions llm, List<string> errors)
    {
        const string Prefix = AiOptions.Section + ":Llm";
        if (!llm.IsConfigured)
        {
            if (!string.IsNullOrWhiteSpace(llm.Model) || !string.IsNullOrWhiteSpace(llm.ApiKeyFile))
            {
                errors.Add($"{Prefix}: Model or ApiKeyFile is set but BaseUrl is not; set BaseUrl to use the LLM.");
            }

            return;
        }

        if (!Uri.TryCreate(llm.BaseUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            errors.Add($"{Prefix}:BaseUrl must be an absolute http(s) URL such as http://127.0.0.1:8080/v1, got '{llm.BaseUrl}'.");
        }

        if (string.IsNullOrWhiteSpace(llm.Model))
        {
            errors.Add($"{Prefix}:Model is required when BaseUrl is set (the model name the server expects).");
        }

        if (!string.IsNullOrWhiteSpace(llm.ApiKeyFile) && !File.Exists(llm.ApiKeyFile))
        {
            errors.Add($"{Prefix}:ApiKeyFile '{llm.ApiKeyFile}' does not exist.");
        }

        if (llm.Timeout <= TimeSpan.Zero || llm.Timeout > TimeSpan.FromSeconds(30))
        {
            errors.Add($"{Prefix}:Timeout must be between 0 and 30 seconds, got {llm.Timeout}.");
        }
    }
}
