using Microsoft.Playwright;

namespace Alicia.Dashboard.Tests.Support;

/// <summary>
/// Debian's chromium, headless, driven by Playwright. Playwright's own browser download is not used: the
/// machine has no route to it, and the distribution's browser is the one people here run anyway.
/// </summary>
public sealed class Chromium : IAsyncDisposable
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private readonly IPlaywright _playwright;

    private Chromium(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        Browser = browser;
    }

    public IBrowser Browser { get; }

    /// <summary>Launches chromium; its microphone plays <paramref name="microphoneWav"/> once each time a page opens it.</summary>
    public static async Task<Chromium> LaunchAsync(string microphoneWav)
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException($"{ExecutablePath} is missing: install it with `apt-get install -y chromium` (./alicia test does).");
        }

        var playwright = await Playwright.CreateAsync();
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ExecutablePath,
                Args =
                [
                    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--no-first-run",
                    // A synthetic microphone that needs no permission prompt and says what the file says, for push-to-talk.
                    "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream",
                    $"--use-file-for-fake-audio-capture={microphoneWav}%noloop",
                    "--autoplay-policy=no-user-gesture-required",
                ],
            });
            return new Chromium(playwright, browser);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
    }
}
