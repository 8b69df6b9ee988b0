using Microsoft.Playwright;

namespace Alicia.Dashboard.Tests.Support;

/// <summary>
/// One fresh browser context (its own sessionStorage) with one page, recording every console error and
/// uncaught exception so a test can assert the page stayed clean.
/// </summary>
public sealed class BrowserTab : IAsyncDisposable
{
    public static readonly ViewportSize Laptop = new() { Width = 1366, Height = 860 };
    public static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    private readonly IBrowserContext _context;
    private readonly List<string> _errors = [];
    private readonly Lock _gate = new();

    private BrowserTab(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                Record($"console: {message.Text} ({message.Location})");
            }
        };
        page.PageError += (_, error) => Record($"uncaught: {error}");
    }

    public IPage Page { get; }

    public IReadOnlyList<string> Errors
    {
        get
        {
            lock (_gate)
            {
                return [.. _errors];
            }
        }
    }

    public static async Task<BrowserTab> OpenAsync(IBrowser browser, ViewportSize? viewport = null, ColorScheme colorScheme = ColorScheme.Light)
    {
        ArgumentNullException.ThrowIfNull(browser);
        var phone = viewport == Phone;
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = viewport ?? Laptop,
            DeviceScaleFactor = phone ? 2 : 1,
            IsMobile = phone,
            HasTouch = phone,
            Permissions = ["microphone"],
            ColorScheme = colorScheme,
        });
        var page = await context.NewPageAsync();
        return new BrowserTab(context, page);
    }

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();

    private void Record(string error)
    {
        lock (_gate)
        {
            _errors.Add(error);
        }
    }
}
