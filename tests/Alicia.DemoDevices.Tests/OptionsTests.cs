namespace Alicia.DemoDevices.Tests;

public sealed class OptionsTests
{
    private static readonly DemoDevicesOptionsValidator Validator = new();

    [Fact]
    public void The_defaults_are_valid() => Assert.True(Validator.Validate(null, new DemoDevicesOptions()).Succeeded);

    [Fact]
    public void A_prefix_under_alicia_or_with_wildcards_is_refused_with_the_setting_named()
    {
        var underAlicia = Validator.Validate(null, new DemoDevicesOptions { TopicPrefix = "alicia/demo" });
        var wildcard = Validator.Validate(null, new DemoDevicesOptions { DiscoveryPrefix = "homeassistant/#" });

        Assert.StartsWith("Services:demo-devices:TopicPrefix", Assert.Single(underAlicia.Failures!), StringComparison.Ordinal);
        Assert.StartsWith("Services:demo-devices:DiscoveryPrefix", Assert.Single(wildcard.Failures!), StringComparison.Ordinal);
    }

    [Fact]
    public void Switched_off_nothing_else_is_checked() =>
        Assert.True(Validator.Validate(null, new DemoDevicesOptions { Enabled = false, Port = 0, TopicPrefix = "#" }).Succeeded);
}
