namespace Alicia.Ai;

/// <summary>An OpenAI-compatible chat-completions endpoint (<c>Services:ai:Llm</c>); unset BaseUrl means none.</summary>
public sealed class LlmOptions
{
    /// <summary>The API root, e.g. <c>http://127.0.0.1:8080/v1</c>; requests go to <c>{BaseUrl}/chat/completions</c>.</summary>
    public string? BaseUrl { get; set; }

    public string? Model { get; set; }

    /// <summary>A file holding the bearer token (kept out of the configuration on purpose); optional for local servers.</summary>
    public string? ApiKeyFile { get; set; }

    /// <summary>A voice reply cannot wait long: past this the local answer stands.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(3);

    public bool IsConfigured => !string.IsNullOrWhiteSpace(BaseUrl);
}
