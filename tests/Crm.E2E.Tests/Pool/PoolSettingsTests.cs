using Crm.E2E.Tests.Infrastructure;
using Crm.E2E.Tests.Pages;
using Crm.Infrastructure.Persistence;
using static Microsoft.Playwright.Assertions;

namespace Crm.E2E.Tests.Pool;

public sealed class PoolSettingsTests(BrowserFixture browser, CrmApp app) : BrowserTest(browser, app)
{
    [Fact]
    public async Task WhenAnAdminChangesTheDailyClaimCap_ItIsSavedAndBadRemindersAreRefusedInWords()
    {
        var page = await NewSessionAsync();
        var shell = await new LoginPage(page).SignInFromScratchAsync("admin@demo.local", DemoPassword);
        await shell.GotoAsync("admin/pool");
        var claims = page.GetByTestId("pool-settings-claims");
        await Expect(claims).ToHaveValueAsync("5");

        await claims.FillAsync("3");
        await page.GetByTestId("pool-settings-save").ClickAsync();

        await Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("Pool rules saved");
        await using (var db = App.DemoDatabase())
        {
            (await TenantSettings.PoolAsync(db)).MaxClaimsPerRepPerDay.ShouldBe(3);
        }

        await page.GetByTestId("pool-settings-recycle-E").FillAsync("2");
        await page.GetByTestId("pool-settings-save").ClickAsync();

        await Expect(page.GetByTestId("pool-settings-error")).ToContainTextAsync("reminders must satisfy");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "crm-pool-settings.png"), FullPage = true });
        await using var after = App.DemoDatabase();
        (await TenantSettings.PoolAsync(after)).For(Crm.Domain.Customers.Pool.CustomerTier.E).RecycleAfterDays.ShouldBe(7);
    }
}
