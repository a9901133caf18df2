using Crm.E2E.Tests.Infrastructure;
using Crm.E2E.Tests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Crm.E2E.Tests;

public sealed class AdminUsersAccessTests(BrowserFixture browser, CrmApp app) : BrowserTest(browser, app)
{
    [Fact]
    public async Task WhenOtherTenantAdminOpensUsers_SeesOwnAdminAndNoneOfTheDemoUsers()
    {
        var page = await NewSessionAsync();
        await new LoginPage(page).SignInFromScratchAsync("admin@other.local", DemoPassword);
        var users = new UsersPage(page);

        await users.GotoAsync();

        await Expect(users.Row("admin@other.local")).ToHaveTextAsync("Other Admin");
        await Expect(users.Rows).ToHaveCountAsync(1);
        await Expect(users.RowsOfDomain("demo.local")).ToHaveCountAsync(0);
        await Expect(users.Table).Not.ToContainTextAsync("demo.local");
    }

    [Fact]
    public async Task WhenDemoAdminOpensUsers_SeesTheDemoUsersAndNoneOfTheOtherTenant()
    {
        var page = await NewSessionAsync();
        await new LoginPage(page).SignInFromScratchAsync("admin@demo.local", DemoPassword);
        var users = new UsersPage(page);

        await users.GotoAsync();

        await Expect(users.Row("manager@demo.local")).ToHaveTextAsync("Wang Fang");
        await Expect(users.Row("rep1@demo.local")).ToHaveTextAsync("Li Wei");
        await Expect(users.RowsOfDomain("demo.local")).ToHaveCountAsync(8);
        await Expect(users.Row("admin@other.local")).ToHaveCountAsync(0);
        await Expect(users.Table).Not.ToContainTextAsync("other.local");
    }

    [Fact]
    public async Task WhenSalesRepOpensUsers_AccessIsDeniedAndTheMenuHasNoAdministration()
    {
        var page = await NewSessionAsync();
        var shell = await new LoginPage(page).SignInFromScratchAsync("rep1@demo.local", DemoPassword);
        await Expect(shell.NavHome).ToBeVisibleAsync();
        await Expect(shell.NavAdminUsers).ToHaveCountAsync(0);

        await new UsersPage(page).GotoAsync();

        await Expect(shell.AccessDenied).ToHaveTextAsync("You do not have access to this page.");
        await Expect(new UsersPage(page).Table).ToHaveCountAsync(0);
        await Expect(shell.NavAdminUsers).ToHaveCountAsync(0);
    }
}
