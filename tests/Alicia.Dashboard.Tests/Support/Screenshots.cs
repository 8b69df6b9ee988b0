using Alicia.Testing;
using Microsoft.Playwright;

namespace Alicia.Dashboard.Tests.Support;

/// <summary>
/// Pictures of the views. They always go to the test output (screenshots/); with
/// ALICIA_UPDATE_SCREENSHOTS=1 also to docs/dashboard/, the ones the documentation shows.
/// </summary>
public static class Screenshots
{
    private static readonly bool UpdateDocs = Environment.GetEnvironmentVariable("ALICIA_UPDATE_SCREENSHOTS") == "1";

    public static async Task SaveAsync(IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        var bytes = await page.ScreenshotAsync(new PageScreenshotOptions { FullPage = false, Animations = ScreenshotAnimations.Disabled });
        Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots"));
        await File.WriteAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "screenshots", name + ".png"), bytes);
        if (UpdateDocs)
        {
            var docs = Repository.File("docs", "dashboard");
            Directory.CreateDirectory(docs);
            await File.WriteAllBytesAsync(Path.Combine(docs, name + ".png"), bytes);
        }
    }
}
