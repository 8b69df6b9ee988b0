using System.Net;
using System.Text.Json;
using Alicia.Dashboard.Tests.Support;
using Microsoft.Extensions.Options;

namespace Alicia.Dashboard.Tests;

/// <summary>The web host on its own: what it serves and with which headers.</summary>
public sealed class DashboardHostTests
{
    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Services:dashboard:BrokerUrl"] = "wss://alicia.home:9001/mqtt",
        ["Services:dashboard:User"] = "operator",
    };

    [Fact]
    public async Task Config_json_tells_the_page_the_configured_broker_and_user()
    {
        await using var server = await DashboardServer.StartAsync(Settings);
        using var http = new HttpClient { BaseAddress = server.Address };

        using var response = await http.GetAsync(new Uri("config.json", UriKind.Relative));
        using var config = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.Equal("wss://alicia.home:9001/mqtt", config.RootElement.GetProperty("broker_url").GetString());
        Assert.Equal("operator", config.RootElement.GetProperty("user").GetString());
    }

    [Fact]
    public async Task The_page_is_served_with_a_policy_that_allows_only_its_own_scripts()
    {
        await using var server = await DashboardServer.StartAsync(Settings);
        using var http = new HttpClient { BaseAddress = server.Address };

        using var response = await http.GetAsync(new Uri("/", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<title>Alicia</title>", html, StringComparison.Ordinal);
        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("connect-src 'self' ws: wss:", policy, StringComparison.Ordinal);
        Assert.Equal("nosniff", string.Join("", response.Headers.GetValues("X-Content-Type-Options")));
    }

    [Theory]
    [InlineData("lib/mqtt.min.js", "text/javascript")]
    [InlineData("js/main.js", "text/javascript")]
    [InlineData("js/talk/capture-worklet.js", "text/javascript")]
    [InlineData("css/app.css", "text/css")]
    [InlineData("icon.svg", "image/svg+xml")]
    public async Task The_client_files_are_served_from_the_build_output(string path, string contentType)
    {
        await using var server = await DashboardServer.StartAsync(Settings);
        using var http = new HttpClient { BaseAddress = server.Address };

        using var response = await http.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Content.Headers.ContentLength > 100, $"{path} is {response.Content.Headers.ContentLength} bytes");
    }

    [Fact]
    public async Task The_mqtt_client_is_the_npm_package_pinned_by_the_lock_file()
    {
        await using var server = await DashboardServer.StartAsync(Settings);
        using var http = new HttpClient { BaseAddress = server.Address };
        var lockFile = JsonDocument.Parse(await File.ReadAllTextAsync(Alicia.Testing.Repository.File("services", "Alicia.Dashboard", "package-lock.json")));
        var version = lockFile.RootElement.GetProperty("packages").GetProperty("node_modules/mqtt").GetProperty("version").GetString();

        var served = await http.GetByteArrayAsync(new Uri("lib/mqtt.min.js", UriKind.Relative));
        var installed = await File.ReadAllBytesAsync(Alicia.Testing.Repository.File("services", "Alicia.Dashboard", "node_modules", "mqtt", "dist", "mqtt.min.js"));
        var manifest = JsonDocument.Parse(await File.ReadAllTextAsync(Alicia.Testing.Repository.File("services", "Alicia.Dashboard", "node_modules", "mqtt", "package.json")));

        Assert.Equal(installed, served);
        Assert.Equal(version, manifest.RootElement.GetProperty("version").GetString());
    }

    [Fact]
    public async Task An_unusable_listen_address_stops_the_host_with_the_setting_named()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            DashboardServer.StartAsync(new Dictionary<string, string?> { ["Services:dashboard:Url"] = "ftp://127.0.0.1:21" }));

        Assert.Contains("Services:dashboard:Url", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_path_is_a_404_not_the_page()
    {
        await using var server = await DashboardServer.StartAsync(Settings);
        using var http = new HttpClient { BaseAddress = server.Address };

        using var response = await http.GetAsync(new Uri("nothing-here.js", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
