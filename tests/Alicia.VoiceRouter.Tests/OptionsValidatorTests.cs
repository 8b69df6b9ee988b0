namespace Alicia.VoiceRouter.Tests;

public sealed class OptionsValidatorTests
{
    [Fact]
    public void Defaults_are_valid() => Assert.True(new VoiceRouterOptionsValidator().Validate(null, new VoiceRouterOptions()).Succeeded);

    [Fact]
    public void Wrong_settings_are_named()
    {
        var options = new VoiceRouterOptions { SttTimeout = TimeSpan.Zero, GroupWakeWindow = TimeSpan.FromMinutes(1) };
        options.SiteGroups["downstairs"] = ["kitchen", "living-room"];
        options.SiteGroups["everywhere"] = ["kitchen", "bad/site"];

        var message = new VoiceRouterOptionsValidator().Validate(null, options).FailureMessage;

        Assert.Contains("Services:voice-router:SttTimeout", message, StringComparison.Ordinal);
        Assert.Contains("Services:voice-router:GroupWakeWindow", message, StringComparison.Ordinal);
        Assert.Contains("site 'kitchen' is in both 'downstairs' and 'everywhere'", message, StringComparison.Ordinal);
        Assert.Contains("invalid site name 'bad/site'", message, StringComparison.Ordinal);
    }
}
