using Crm.E2E.Tests.Infrastructure;
using Crm.E2E.Tests.Pages;
using Crm.Infrastructure.Persistence;
using static Microsoft.Playwright.Assertions;

namespace Crm.E2E.Tests.WorkOrders;

public sealed class ServiceSettingsTests(BrowserFixture browser, CrmApp app) : BrowserTest(browser, app)
{
    [Fact]
    public async Task WhenAnAdminShortensTheUrgentSla_ItIsSaved_AndHoursOutOfOrderAreRefusedInWords()
    {
        var page = await NewSessionAsync();
        var shell = await new LoginPage(page).SignInFromScratchAsync("admin@demo.local", DemoPassword);
        await shell.GotoAsync("admin/service");
        var urgent = page.GetByTestId("service-settings-Urgent");
        await Expect(urgent).ToHaveValueAsync("4");

        await urgent.FillAsync("2");
        await page.GetByTestId("service-settings-save").ClickAsync();

        await Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("Service levels saved");
        await using (var db = App.DemoDatabase())
        {
            (await TenantSettings.SlaAsync(db)).UrgentHours.ShouldBe(2);
        }

        await page.GetByTestId("service-settings-High").FillAsync("80");
        await page.GetByTestId("service-settings-save").ClickAsync();

        await Expect(page.GetByTestId("service-settings-error")).ToContainTextAsync("more urgent priority cannot be given more hours");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "crm-service-settings.png"), FullPage = true });
        await using var after = App.DemoDatabase();
        (await TenantSettings.SlaAsync(after)).HighHours.ShouldBe(24);
    }
}
