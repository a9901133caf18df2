using Crm.Domain.Customers;
using Crm.E2E.Tests.Infrastructure;
using Crm.E2E.Tests.Pages;
using Crm.Infrastructure.Seeding;
using Microsoft.EntityFrameworkCore;
using static Microsoft.Playwright.Assertions;

namespace Crm.E2E.Tests.Customers;

/// <summary>A rep works the customer list: search, a quick follow-up from the row, the profile's timeline.</summary>
public sealed class CustomerListTests(BrowserFixture browser, CrmApp app) : BrowserTest(browser, app)
{
    [Fact]
    public async Task WhenRep1SearchesAndFollowsUpFromTheRow_TheProfileTimelineShowsItAndTheDatabaseHoldsIt()
    {
        var customer = await Rep1CustomerAsync();
        var otherRow = await AnotherRep1CustomerAsync(customer.Id);
        const string note = "E2E: called the buyer about 1200x1000 pallets";
        var page = await NewSessionAsync();
        await new LoginPage(page).SignInFromScratchAsync(DemoUser.Rep1.Email, DemoPassword);
        var list = new CustomersPage(page);
        await list.GotoAsync();
        await Expect(list.Row(otherRow)).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = RepositoryRoot.File("docs", "screenshot-customers.png") });

        await list.SearchNameAsync(customer.Name);

        await Expect(list.Rows).ToHaveCountAsync(1);
        await Expect(list.Row(customer.Id.Value)).ToContainTextAsync(customer.Name);
        await Expect(list.Row(otherRow)).ToHaveCountAsync(0);

        await list.RecordFollowUpAsync(customer.Id.Value, note);

        var profile = await list.OpenAsync(customer.Id.Value);
        await Expect(profile.Heading).ToHaveTextAsync(customer.Name);
        await Expect(profile.Timeline).ToContainTextAsync(note);
        await Expect(profile.Timeline).ToContainTextAsync(DemoUser.Rep1.DisplayName);
        await page.ScreenshotAsync(new() { Path = RepositoryRoot.File("docs", "screenshot-customer-profile.png") });

        await using var db = App.DemoDatabase();
        var stored = await db.Set<CustomerFollowUp>().AsNoTracking().Where(f => f.CustomerId == customer.Id).ToListAsync();
        stored.ShouldContain(f => f.Note == note && f.AuthorId == DemoIds.Rep1);
        (await db.Customers.AsNoTracking().SingleAsync(c => c.Id == customer.Id)).LastFollowUpAt.ShouldNotBeNull();
    }

    [Fact]
    public async Task WhenRep1OpensACustomerOfRep2_TheProfileSaysNotFound()
    {
        await using var db = App.DemoDatabase();
        var rep2s = await db.Customers.AsNoTracking().Where(c => c.OwnerId == DemoIds.Rep2).Select(c => c.Id).FirstAsync();
        var page = await NewSessionAsync();
        await new LoginPage(page).SignInFromScratchAsync(DemoUser.Rep1.Email, DemoPassword);

        await new ShellPage(page).GotoAsync($"customers/{rep2s.Value}");

        await Expect(new CustomerProfilePage(page).NotFound).ToBeVisibleAsync();
    }

    [Fact]
    public async Task WhenRep1ReadsTheListInChineseAndNothingMatches_TheEmptyStateSaysSoInChinese()
    {
        var page = await NewSessionAsync();
        var shell = await new LoginPage(page).SignInFromScratchAsync(DemoUser.Rep1.Email, DemoPassword);
        await shell.SwitchLanguageAsync("zh-CN");
        var list = new CustomersPage(page);
        await list.GotoAsync();
        await Expect(page.GetByTestId("nav-customers")).ToHaveTextAsync("客户");
        await Expect(list.Rows.First).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "crm-customers-zh.png") });

        await list.SearchNameAsync("不存在的客户名称");

        await Expect(list.Empty).ToHaveTextAsync("没有符合筛选条件的客户。");
        await Expect(list.Rows).ToHaveCountAsync(0);
    }

    private async Task<Customer> Rep1CustomerAsync()
    {
        await using var db = App.DemoDatabase();
        var owned = await db.Customers.AsNoTracking().Where(c => c.OwnerId == DemoIds.Rep1).ToListAsync();
        return owned.OrderBy(c => c.Name, StringComparer.Ordinal).First();
    }

    private async Task<Guid> AnotherRep1CustomerAsync(CustomerId not)
    {
        await using var db = App.DemoDatabase();
        var owned = await db.Customers.AsNoTracking().Where(c => c.OwnerId == DemoIds.Rep1 && c.Id != not).ToListAsync();
        return owned.OrderBy(c => c.Name, StringComparer.Ordinal).First().Id.Value;
    }
}
