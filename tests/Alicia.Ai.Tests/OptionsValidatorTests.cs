using Alicia.Ai.Tests.Support;

namespace Alicia.Ai.Tests;

public sealed class OptionsValidatorTests
{
    private static AiOptions Valid() => new() { IntentsDirectory = Repo.IntentsDirectory };

    [Fact]
    public void Defaults_with_the_shipped_templates_are_valid() =>
        Assert.True(new AiOptionsValidator().Validate(null, Valid()).Succeeded);

    [Fact]
    public void A_configured_llm_needs_an_http_url_and_a_model()
    {
        var options = Valid();
        options.Llm.BaseUrl = "ftp://example";

        var result = new AiOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("Services:ai:Llm:BaseUrl must be an absolute http(s) URL", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Services:ai:Llm:Model is required", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Wrong_settings_are_named()
    {
        var options = Valid();
        options.IntentsDirectory = "no/such/intents";
        options.MinConfidence = 1.5;
        options.CommandMaxAttempts = 0;
        options.Llm.Model = "orphan";
        options.Llm.ApiKeyFile = null;

        var message = new AiOptionsValidator().Validate(null, options).FailureMessage;

        Assert.Contains("Services:ai:IntentsDirectory", message, StringComparison.Ordinal);
        Assert.Contains("Services:ai:MinConfidence", message, StringComparison.Ordinal);
        Assert.Contains("Services:ai:CommandMaxAttempts", message, StringComparison.Ordinal);
        Assert.Contains("BaseUrl is not", message, StringComparison.Ordinal);
    }
}
