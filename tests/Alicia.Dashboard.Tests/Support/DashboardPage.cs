using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Alicia.Dashboard.Tests.Support;

/// <summary>What a person does on the page, in the page's own terms.</summary>
public static class DashboardPage
{
    static DashboardPage() => SetDefaultExpectTimeout(15_000);

    /// <summary>Opens the page and signs in; returns once the app is showing.</summary>
    public static async Task LoginAsync(IPage page, Uri address, string password)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync(address.ToString());
        await page.FillAsync("#login-password", password);
        await page.ClickAsync("#login-submit");
        await Expect(page.Locator("#app")).ToBeVisibleAsync();
    }

    public static async Task ShowAsync(IPage page, string view)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.ClickAsync($".nav a[data-view='{view}']");
        await Expect(page.Locator($"#view-{view}")).ToBeVisibleAsync();
    }

    public static ILocator ServiceStatus(IPage page, string service) =>
        page.Locator($"#services article[data-service='{service}'] [data-role='status']");

    public static ILocator Device(IPage page, string id) => page.Locator($"#devices article[data-device='{id}']");
}
