using Crm.E2E.Tests.Infrastructure;
using Crm.E2E.Tests.Pages;
using Crm.Infrastructure.Seeding;
using Microsoft.EntityFrameworkCore;
using static Microsoft.Playwright.Assertions;

namespace Crm.E2E.Tests.Customers;

/// <summary>The manager hands a leaving rep's book to another rep from the list, confirming first; the receiving rep sees the customers.</summary>
public sealed class CustomerHandOverTests(BrowserFixture browser, CrmApp app) : BrowserTest(browser, app)
{
    [Fact]
    public async Task WhenTheManagerHandsRep2sCustomersToRep1_TheSummaryCountsThemAndRep1ListsThem()
    {
        await MakeRoomForRep2sBookAsync();
        await using (var db = App.DemoDatabase())
        {
            var rep2s = await db.Customers.AsNoTracking().Where(c => c.OwnerId == DemoIds.Rep2).Select(c => c.Id).ToListAsync();
            var open = (await db.Opportunities.AsNoTracking().Where(o => o.OwnerId == DemoIds.Rep2).ToListAsync()).Count(o => !o.IsClosed);
            var page = await NewSessionAsync();
            await new LoginPage(page).SignInFromScratchAsync(DemoUser.Manager.Email, DemoPassword);
            var list = new CustomersPage(page);
            await list.GotoAsync();

            await page.GetByTestId("customer-new").ClickAsync();
            await Expect(page.GetByTestId("customer-dialog")).ToBeVisibleAsync();
            await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "crm-customer-dialog.png") });
            await page.GetByTestId("customer-cancel").ClickAsync();

            await page.GetByTestId("customers-hand-over").ClickAsync();
            await page.GetByTestId("hand-over-from").ClickAsync();
            await page.Locator(".mud-popover-open .mud-list-item").GetByText(DemoUser.Rep2.DisplayName).ClickAsync();
            await page.GetByTestId("hand-over-to").ClickAsync();
            await page.Locator(".mud-popover-open .mud-list-item").GetByText(DemoUser.Rep1.DisplayName).ClickAsync();
            await page.GetByTestId("hand-over-submit").ClickAsync();
            await Expect(page.Locator(".mud-message-box")).ToContainTextAsync($"Hand all customers and open opportunities of {DemoUser.Rep2.DisplayName} to {DemoUser.Rep1.DisplayName}?");
            await page.Locator(".mud-message-box").GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Hand over" }).ClickAsync();

            await Expect(page.GetByTestId("hand-over-result")).ToHaveTextAsync(
                $"{rep2s.Count} customers and {open} open opportunities of {DemoUser.Rep2.DisplayName} now belong to {DemoUser.Rep1.DisplayName}.");
            await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "crm-hand-over.png") });

            var rep1 = await NewSessionAsync();
            await new LoginPage(rep1).SignInFromScratchAsync(DemoUser.Rep1.Email, DemoPassword);
            var rep1List = new CustomersPage(rep1);
            await rep1List.GotoAsync();
            var moved = (await db.Customers.AsNoTracking().Where(c => rep2s.Contains(c.Id)).ToListAsync()).OrderBy(c => c.Name, StringComparer.Ordinal).First();
            await rep1List.SearchNameAsync(moved.Name);
            await Expect(rep1List.Row(moved.Id.Value)).ToBeVisibleAsync();
            moved.OwnerId.ShouldBe(DemoIds.Rep1);
        }
    }

    /// <summary>
    /// The demo's region capacities (East 150) cannot hold both demo books in one rep's hands; as the admin's pool
    /// settings would, each region's capacity becomes exactly what rep1 owns there plus what rep2's book brings.
    /// </summary>
    private async Task MakeRoomForRep2sBookAsync()
    {
        await using var db = App.DemoDatabase();
        var books = await db.Customers.AsNoTracking().Where(c => c.OwnerId == DemoIds.Rep1 || c.OwnerId == DemoIds.Rep2)
            .Select(c => c.RegionId).ToListAsync();
        books.ShouldNotContain(r => r == null, "every demo customer has a region");
        var capacities = books.GroupBy(r => r!.Value).ToDictionary(g => g.Key, g => g.Count());
        var tenant = await db.Tenants.SingleAsync();
        tenant.ConfigurePool(tenant.Pool.WithRegionCapacities(capacities), DateTimeOffset.UtcNow);
        await db.SaveChangesAsync();
    }
}
