using System.Text.Json;
using System.Text.RegularExpressions;
using Alicia.Contracts;
using Alicia.Dashboard.Tests.Support;
using Alicia.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Alicia.Dashboard.Tests;

/// <summary>
/// The dashboard in chromium against a running Alicia (real broker, real services in-process): what a
/// person sees, and what reaches the bus when they act. Every test also asserts the page logged no errors.
/// </summary>
public sealed partial class DashboardScenarioTests(RunningAlicia alicia) : IClassFixture<RunningAlicia>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    private string Password => alicia.Broker.Password("dashboard");

    [Fact]
    public async Task After_login_every_running_service_is_online_with_its_figures()
    {
        await using var tab = await BrowserTab.OpenAsync(alicia.Chromium.Browser);
        await DashboardPage.LoginAsync(tab.Page, alicia.Dashboard.Address, Password);

        var running = alicia.RunningServices;
        foreach (var service in running)
        {
            await Expect(DashboardPage.ServiceStatus(tab.Page, service)).ToHaveTextAsync("online");
        }

        var ai = tab.Page.Locator("#services article[data-service='ai']");
        await Expect(ai.Locator("h3")).ToHaveTextAsync("AI");
        await Expect(ai.Locator("dt", new() { HasText = "Uptime" }).Locator("xpath=following-sibling::dd")).ToHaveTextAsync(UptimePattern());
        await Expect(tab.Page.Locator("#health-summary")).ToContainTextAsync($"{running.Count} of {alicia.ServiceCount} services online");
        await Expect(tab.Page.Locator("#connection")).ToHaveAttributeAsync("data-state", "connected");
        await Screenshots.SaveAsync(tab.Page, "health");
        AssertNoErrors(tab);
    }

    [Fact]
    public async Task A_stopped_service_turns_offline_with_an_alert_and_back_online_when_it_returns()
    {
        await using var tab = await BrowserTab.OpenAsync(alicia.Chromium.Browser);
        await DashboardPage.LoginAsync(tab.Page, alicia.Dashboard.Address, Password);
        var discovery = DashboardPage.ServiceStatus(tab.Page, ServiceNames.Discovery);
        await Expect(discovery).ToHaveTextAsync("online");

        await alicia.StopAsync(ServiceNames.Discovery);
        try
        {
            await Expect(discovery).ToHaveTextAsync("offline");
            await Expect(tab.Page.Locator("#services article[data-service='discovery'] dd").First).ToHaveTextAsync("—");
            await Expect(tab.Page.Locator("#alerts")).ToContainTextAsync("Discovery");
            await Expect(tab.Page.Locator("#health-summary")).ToContainTextAsync("active alert");
            await Screenshots.SaveAsync(tab.Page, "health-offline");
        }
        finally
        {
            await alicia.RestartAsync(ServiceNames.Discovery);
        }

        await Expect(discovery).ToHaveTextAsync("online");
        await Expect(tab.Page.Locator("#alerts")).ToBeHiddenAsync();
        AssertNoErrors(tab);
    }

    [Fact]
    public async Task Asking_in_writing_turns_on_the_kitchen_light_and_shows_the_reply_and_its_timeline()
    {
        await using var tab = await BrowserTab.OpenAsync(alicia.Chromium.Browser);
        await DashboardPage.LoginAsync(tab.Page, alicia.Dashboard.Address, Password);
        await DashboardPage.ShowAsync(tab.Page, "devices");
        var kitchen = DashboardPage.Device(tab.Page, "kitchen_light");
        await Expect(kitchen.Locator("[data-role='toggle']")).ToHaveAttributeAsync("aria-checked", "false");

        await DashboardPage.ShowAsync(tab.Page, "conversations");
        await tab.Page.FillAsync("#ask-text", "turn on the kitchen light");
        await tab.Page.ClickAsync("#ask-send");

        await Expect(tab.Page.Locator("#ask-status")).ToContainTextAsync("Answered");
        await Expect(tab.Page.Locator("#ask-reply-question")).ToHaveTextAsync("turn on the kitchen light");
        await Expect(tab.Page.Locator("#ask-reply-text")).ToContainTextAsync(new Regex("kitchen light", RegexOptions.IgnoreCase));
        var session = tab.Page.Locator("#sessions article[data-state='ended']").First;
        await Expect(session.Locator("[data-role='transcript']")).ToHaveTextAsync("turn on the kitchen light");
        await Expect(session.Locator("[data-role='reason']")).ToHaveTextAsync("nominal");
        await Expect(session.Locator("[data-role='intent']")).Not.ToBeEmptyAsync();
        await Expect(session.Locator("[data-role='stages']")).ToContainTextAsync("total");
        // The spoken reply (the WAV on alicia/voice/tts/audio/browser) reached the page.
        await Expect(tab.Page.Locator("#ask-reply-play")).ToHaveAttributeAsync("data-reply-audio", new Regex("^[1-9][0-9]+$"));
        await Screenshots.SaveAsync(tab.Page, "conversations");

        await DashboardPage.ShowAsync(tab.Page, "devices");
        await Expect(kitchen.Locator("[data-role='toggle']")).ToHaveAttributeAsync("aria-checked", "true");
        await Expect(kitchen.Locator("[data-role='state']")).ToHaveTextAsync("On");
        await Screenshots.SaveAsync(tab.Page, "devices");
        AssertNoErrors(tab);
    }

    [Fact]
    public async Task Toggling_a_device_sends_a_command_envelope_that_reaches_the_device_and_shows_the_result()
    {
        await using var device = await MessageRecorder.StartAsync(alicia.Broker, "bridge", ["alicia-demo/bedroom_light/set", "alicia-demo/living_room_lamp/set", "alicia-demo/front_door/set"]);
        await using var bus = await MessageRecorder.StartAsync(alicia.Broker, "cli", ["alicia/devices/control/+", "alicia/reply/dashboard/#"]);
        await using var tab = await BrowserTab.OpenAsync(alicia.Chromium.Browser);
        await DashboardPage.LoginAsync(tab.Page, alicia.Dashboard.Address, Password);
        await DashboardPage.ShowAsync(tab.Page, "devices");
        var bedroom = DashboardPage.Device(tab.Page, "bedroom_light");
        var toggle = bedroom.Locator("[data-role='toggle']");
        await Expect(toggle).ToHaveAttributeAsync("aria-checked", "false");

        await toggle.ClickAsync();

        var command = await device.WaitForTopicAsync("alicia-demo/bedroom_light/set", Wait);
        Assert.Equal("ON", command.PayloadText);
        await Expect(bedroom.Locator("[data-role='result']")).ToHaveTextAsync("Done");
        await Expect(toggle).ToHaveAttributeAsync("aria-checked", "true");

        var sent = await bus.WaitForTopicAsync("alicia/devices/control/bedroom_light", Wait);
        using (var envelope = JsonDocument.Parse(sent.Payload))
        {
            var root = envelope.RootElement;
            Assert.True(Guid.TryParse(root.GetProperty("message_id").GetString(), out _));
            Assert.InRange(root.GetProperty("timestamp").GetDouble(), DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 60, DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 5);
            Assert.Equal("dashboard", root.GetProperty("source").GetString());
            Assert.Equal("device-registry", root.GetProperty("destination").GetString());
            Assert.Equal("command", root.GetProperty("message_type").GetString());
            Assert.Equal("interactive", root.GetProperty("priority").GetString());
            Assert.Equal(0, root.GetProperty("routing").GetProperty("hops").GetInt32());
            var payload = root.GetProperty("payload");
            Assert.Equal("bedroom_light", payload.GetProperty("device_id").GetString());
            Assert.Equal("turn_on", payload.GetProperty("action").GetString());
        }

        // The registry answered on the page's own MQTT 5 response topic.
        var reply = await bus.WaitForAsync(m => m.Topic.StartsWith("alicia/reply/dashboard/", StringComparison.Ordinal), Wait);
        using (var answer = JsonDocument.Parse(reply.Payload))
        {
            Assert.Equal("response", answer.RootElement.GetProperty("message_type").GetString());
            Assert.True(answer.RootElement.GetProperty("payload").GetProperty("ok").GetBoolean());
        }

        // A slider sends set_brightness; the JSON lamp gets it on its own scale (0-255).
        var lamp = DashboardPage.Device(tab.Page, "living_room_lamp");
        await lamp.Locator("[data-role='brightness']").FillAsync("20");
        var dim = await device.WaitForTopicAsync("alicia-demo/living_room_lamp/set", Wait);
        using (var brightness = JsonDocument.Parse(dim.Payload))
        {
            Assert.Equal(51, brightness.RootElement.GetProperty("brightness").GetDouble(), 0);
        }

        await Expect(lamp.Locator("[data-role='state']")).ToHaveTextAsync("On · 20 %");

        // A lock offers only the action that changes something.
        var door = DashboardPage.Device(tab.Page, "front_door");
        await Expect(door.Locator("[data-action='lock']")).ToBeDisabledAsync();
        await door.Locator("[data-action='unlock']").ClickAsync();
        Assert.Equal("UNLOCK", (await device.WaitForTopicAsync("alicia-demo/front_door/set", Wait)).PayloadText);
        await Expect(door.Locator("[data-role='state']")).ToHaveTextAsync("Unlocked");
        await Expect(door.Locator("[data-action='unlock']")).ToBeDisabledAsync();
        await Expect(door.Locator("[data-action='lock']")).ToBeEnabledAsync();
        AssertNoErrors(tab);
    }

    [Fact]
    public async Task The_message_stream_filters_pauses_and_expands_an_envelope()
    {
        await using var tab = await BrowserTab.OpenAsync(alicia.Chromium.Browser);
        await DashboardPage.LoginAsync(tab.Page, alicia.Dashboard.Address, Password);
        await DashboardPage.ShowAsync(tab.Page, "messages");
        await Expect(tab.Page.Locator("#stream li").First).ToBeVisibleAsync();

        await tab.Page.FillAsync("#stream-filter", "alicia/system/health/+");
        var rows = tab.Page.Locator("#stream li");
        await Expect(rows.First).ToHaveAttributeAsync("data-topic", new Regex("^alicia/system/health/[^/]+$"));
        foreach (var topic in await rows.EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.topic)"))
        {
            Assert.Matches("^alicia/system/health/[^/]+$", topic);
        }

        await tab.Page.ClickAsync("#stream-pause");
        await Expect(tab.Page.Locator("#stream-count")).ToContainTextAsync("paused");
        var shownWhilePaused = await rows.CountAsync();
        await Expect(tab.Page.Locator("#stream-count")).ToContainTextAsync(new Regex(@"paused, \d+ new"));
        Assert.Equal(shownWhilePaused, await rows.CountAsync());

        var report = tab.Page.Locator("#stream li:not([data-topic='alicia/system/health/summary'])").First;
        await report.Locator("button").ClickAsync();
        await Expect(report.Locator("button")).ToHaveAttributeAsync("aria-expanded", "true");
        await Expect(report.Locator("pre")).ToContainTextAsync("\"message_id\"");
        await Expect(report.Locator("pre")).ToContainTextAsync("\"uptime_seconds\"");
        await Screenshots.SaveAsync(tab.Page, "messages");

        await tab.Page.ClickAsync("#stream-pause");
        await Expect(rows).Not.ToHaveCountAsync(shownWhilePaused);
        AssertNoErrors(tab);
    }

    [Fact]
    public async Task Push_to_talk_streams_the_microphone_as_pcm_frames_and_the_spoken_command_sets_the_thermostat()
    {
        await using var bus = await MessageRecorder.StartAsync(alicia.Broker, "cli", ["alicia/voice/session/browser/start", "alicia/voice/audio/browser/frame"]);
        await using var tab = await BrowserTab.OpenAsync(alicia.Chromium.Browser);
        await DashboardPage.LoginAsync(tab.Page, alicia.Dashboard.Address, Password);
        await DashboardPage.ShowAsync(tab.Page, "devices");
        var thermostat = DashboardPage.Device(tab.Page, "thermostat");
        await Expect(thermostat.Locator("[data-role='state']")).ToContainTextAsync("target 21 °C");
        await DashboardPage.ShowAsync(tab.Page, "conversations");

        await tab.Page.Locator("#talk").HoverAsync();
        await tab.Page.Mouse.DownAsync();
        await Expect(tab.Page.Locator("#talk")).ToHaveAttributeAsync("aria-pressed", "true");
        // The microphone plays a second of silence, the sentence, then silence: hold the button through it.
        await bus.WaitForAsync(_ => bus.Messages.Count(f => f.Topic == "alicia/voice/audio/browser/frame") >= 200, Wait);
        await tab.Page.Mouse.UpAsync();

        var start = await bus.WaitForTopicAsync("alicia/voice/session/browser/start", Wait);
        using (var envelope = JsonDocument.Parse(start.Payload))
        {
            Assert.Equal(JsonValueKind.Null, envelope.RootElement.GetProperty("payload").GetProperty("text").ValueKind);
            Assert.Equal("browser", envelope.RootElement.GetProperty("site_id").GetString());
        }

        var frames = bus.Messages.Where(m => m.Topic == "alicia/voice/audio/browser/frame").ToList();
        // The session is asked for before any audio is sent (frames wait for it), so no speech is lost.
        Assert.True(bus.Messages.ToList().IndexOf(start) < bus.Messages.ToList().IndexOf(frames[0]), "audio was sent before the session start");
        Assert.All(frames, f => Assert.Equal(640, f.Payload.Length));
        Assert.Contains(frames, f => f.Payload.Any(b => b != 0));

        // The real STT heard the browser's audio, the AI understood it, the registry set the thermostat.
        await Expect(tab.Page.Locator("#ask-reply-question")).ToHaveTextAsync(new Regex("set the thermostat to (twenty five|25) degrees"));
        await Expect(tab.Page.Locator("#ask-reply-text")).ToContainTextAsync(new Regex("thermostat", RegexOptions.IgnoreCase));
        await Expect(tab.Page.Locator("#ask-status")).ToContainTextAsync("Answered");
        await Screenshots.SaveAsync(tab.Page, "push-to-talk");
        await DashboardPage.ShowAsync(tab.Page, "devices");
        await Expect(thermostat.Locator("[data-role='state']")).ToContainTextAsync("target 25 °C");
        AssertNoErrors(tab);
    }

    [Fact]
    public async Task A_wrong_password_is_refused_with_a_clear_message()
    {
        await using var tab = await BrowserTab.OpenAsync(alicia.Chromium.Browser);
        await tab.Page.GotoAsync(alicia.Dashboard.Address.ToString());
        await Expect(tab.Page.Locator("#login-url")).ToHaveValueAsync(DashboardServer.BrokerUrl(alicia.Broker));
        await tab.Page.FillAsync("#login-password", "not-the-password");
        await tab.Page.ClickAsync("#login-submit");

        await Expect(tab.Page.Locator("#login-error")).ToHaveTextAsync("The broker refused user \"dashboard\": wrong user name or password.");
        await Expect(tab.Page.Locator("#app")).ToBeHiddenAsync();
        Assert.Null(await tab.Page.EvaluateAsync<string?>("sessionStorage.getItem('alicia.login')"));
        await Screenshots.SaveAsync(tab.Page, "login-refused");
        AssertNoErrors(tab);
    }

    [Fact]
    public async Task An_unreachable_broker_is_reported_instead_of_a_blank_page()
    {
        await using var tab = await BrowserTab.OpenAsync(alicia.Chromium.Browser);
        await tab.Page.GotoAsync(alicia.Dashboard.Address.ToString());
        var nowhere = $"ws://127.0.0.1:{FreePort.Next()}/mqtt";
        await tab.Page.FillAsync("#login-url", nowhere);
        await tab.Page.FillAsync("#login-password", Password);
        await tab.Page.ClickAsync("#login-submit");

        await Expect(tab.Page.Locator("#login-error")).ToContainTextAsync($"Cannot reach the broker at {nowhere}");
        // Chromium itself logs the refused websocket; that line is expected here and nothing else.
        Assert.All(tab.Errors, e => Assert.Contains("WebSocket connection to", e, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_reload_keeps_the_login_for_the_tab_and_sign_out_forgets_it()
    {
        await using var tab = await BrowserTab.OpenAsync(alicia.Chromium.Browser);
        await DashboardPage.LoginAsync(tab.Page, alicia.Dashboard.Address, Password);

        await tab.Page.ReloadAsync();
        await Expect(tab.Page.Locator("#app")).ToBeVisibleAsync();

        await tab.Page.ClickAsync("#logout");
        await Expect(tab.Page.Locator("#login-screen")).ToBeVisibleAsync();
        await Expect(tab.Page.Locator("#login-password")).ToHaveValueAsync("");
        Assert.Null(await tab.Page.EvaluateAsync<string?>("sessionStorage.getItem('alicia.login')"));
        AssertNoErrors(tab);
    }

    [Fact]
    public async Task At_phone_width_the_views_fit_the_screen_in_the_dark_theme_too()
    {
        await using var tab = await BrowserTab.OpenAsync(alicia.Chromium.Browser, BrowserTab.Phone, ColorScheme.Dark);
        await DashboardPage.LoginAsync(tab.Page, alicia.Dashboard.Address, Password);
        await Expect(tab.Page.Locator("#services article").First).ToBeVisibleAsync();
        await Screenshots.SaveAsync(tab.Page, "health-phone");

        foreach (var view in new[] { "health", "devices", "conversations", "messages" })
        {
            await DashboardPage.ShowAsync(tab.Page, view);
            // Nothing wider than the screen: no sideways scrolling on a phone.
            Assert.True(await tab.Page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), $"{view} is wider than the phone");
        }

        await DashboardPage.ShowAsync(tab.Page, "devices");
        await Expect(DashboardPage.Device(tab.Page, "front_door")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(tab.Page, "devices-phone");
        AssertNoErrors(tab);
    }

    private static void AssertNoErrors(BrowserTab tab) =>
        Assert.True(tab.Errors.Count == 0, "browser console errors:\n" + string.Join("\n", tab.Errors));

    [GeneratedRegex(@"^\d+ (s|min)")]
    private static partial Regex UptimePattern();
}
