namespace Alicia.Dashboard.Tests;

public sealed class DashboardOptionsValidatorTests
{
    private readonly DashboardOptionsValidator _validator = new();

    [Fact]
    public void The_defaults_are_valid_and_stay_on_loopback()
    {
        var options = new DashboardOptions();

        Assert.True(_validator.Validate(null, options).Succeeded);
        Assert.Equal("http://127.0.0.1:8080", options.Url);
        Assert.Equal("ws://127.0.0.1:9001/mqtt", options.BrokerUrl);
        Assert.Equal("dashboard", options.User);
    }

    [Theory]
    [InlineData("Url", "ftp://127.0.0.1:8080")]
    [InlineData("Url", "127.0.0.1:8080")]
    [InlineData("BrokerUrl", "http://127.0.0.1:9001")]
    [InlineData("BrokerUrl", "")]
    [InlineData("User", " ")]
    public void A_setting_the_browser_cannot_use_is_refused_by_name(string setting, string value)
    {
        var options = new DashboardOptions();
        typeof(DashboardOptions).GetProperty(setting)!.SetValue(options, value);

        var result = _validator.Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains($"Services:dashboard:{setting}", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Secure_addresses_are_accepted()
    {
        var options = new DashboardOptions { Url = "https://alicia.home:8443", BrokerUrl = "wss://alicia.home:9001/mqtt" };

        Assert.True(_validator.Validate(null, options).Succeeded);
    }
}
