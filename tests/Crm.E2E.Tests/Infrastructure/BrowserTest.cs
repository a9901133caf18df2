using Microsoft.Playwright;

namespace Crm.E2E.Tests.Infrastructure;

/// <summary>
/// Base of every end-to-end test class: a fresh browser context (cookies, culture) per user, closed
/// after the test. The app itself is the class's <see cref="CrmApp"/>.
/// </summary>
[Collection(BrowserCollection.Name)]
public abstract class BrowserTest(BrowserFixture browser, CrmApp app) : IClassFixture<CrmApp>, IAsyncLifetime
{
    public const string DemoPassword = "Demo123!";

    private readonly List<IBrowserContext> _contexts = [];

    protected CrmApp App { get; } = app;

    /// <summary>A new, signed-out browser session in English at 1280x800.</summary>
    protected async Task<IPage> NewSessionAsync()
    {
        var context = await browser.Instance.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = App.BaseAddress.ToString(),
            Locale = "en-US",
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
        });
        context.SetDefaultTimeout(20_000);
        _contexts.Add(context);
        return await context.NewPageAsync();
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var context in _contexts)
        {
            await context.CloseAsync();
        }
    }
}
