using Crm.Domain.Approvals;
using Crm.E2E.Tests.Infrastructure;
using Crm.E2E.Tests.Pages;
using Crm.Infrastructure.Seeding;
using Microsoft.EntityFrameworkCore;
using static Microsoft.Playwright.Assertions;

namespace Crm.E2E.Tests.Pool;

public sealed class PoolClaimTests(BrowserFixture browser, CrmApp app) : BrowserTest(browser, app)
{
    [Fact]
    public async Task WhenARepClaimsAPoolCustomerWithAReason_TheRowSaysRequestedAndAManagerHasAPendingClaim()
    {
        var page = await NewSessionAsync();
        await new LoginPage(page).SignInFromScratchAsync("rep1@demo.local", DemoPassword);
        var pool = new PoolPage(page);
        await pool.GotoAsync();
        var customer = PoolDemoSeeder.FreePoolCustomer.Value;
        await Expect(pool.Row(customer)).ToBeVisibleAsync();
        await Expect(pool.Mine).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = RepositoryRoot.File("docs", "screenshot-pool.png") });

        await pool.ClaimAsync(customer, "Met their buyer at the Shanghai logistics fair.");

        await Expect(pool.ClaimRequested(customer)).ToBeVisibleAsync();
        await Expect(pool.Snackbar).ToContainTextAsync("Claim sent");
        await using var db = App.DemoDatabase();
        var request = await db.ApprovalRequests.SingleAsync(r => r.Subject.Id == customer && r.RequesterId == DemoIds.Rep1);
        request.Kind.ShouldBe(ApprovalKind.PoolClaim);
        request.Status.ShouldBe(ApprovalStatus.Pending);
        request.Reason.ShouldBe("Met their buyer at the Shanghai logistics fair.");
    }

    [Fact]
    public async Task WhenAManagerOpensThePoolInChinese_EveryRegionAndTheAssignBarShow()
    {
        var page = await NewSessionAsync();
        var shell = await new LoginPage(page).SignInFromScratchAsync("manager@demo.local", DemoPassword);
        await shell.SwitchLanguageAsync("zh-CN");
        var pool = new PoolPage(page);

        await pool.GotoAsync();

        await Expect(pool.AssignBar).ToBeVisibleAsync();
        await Expect(page.GetByTestId($"pool-region-{DemoIds.NorthRegion.Value}")).ToBeVisibleAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("公海客户");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "crm-pool-manager-zh.png"), FullPage = true });
    }
}
