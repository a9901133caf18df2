using Crm.E2E.Tests.Infrastructure;
using Crm.E2E.Tests.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Crm.E2E.Tests;

public sealed class UserCreationTests(BrowserFixture browser, CrmApp app) : BrowserTest(browser, app)
{
    private const string NewPassword = "Secret123!";
    private const string TmallShop = "天猫旗舰店 Tmall Flagship";

    [Fact]
    public async Task WhenAdminCreatesUser_RowAppearsAndTheNewUserCanSignIn()
    {
        var email = UniqueEmail();
        var users = await OpenUsersAsAdminAsync();
        var dialog = await users.OpenNewUserDialogAsync();
        await dialog.FillAsync(email, "Qian Hao", NewPassword);
        await dialog.ChooseRoleAsync("Technician");
        await dialog.ChooseShopAsync(TmallShop);

        await dialog.SaveAsync();

        await Expect(dialog.Root).ToBeHiddenAsync();
        await Expect(users.Row(email)).ToHaveTextAsync("Qian Hao");
        await Expect(users.RowOf(email)).ToContainTextAsync("Technician");
        await Expect(users.RowOf(email)).ToContainTextAsync(TmallShop);

        var newUserPage = await NewSessionAsync();
        var shell = await new LoginPage(newUserPage).SignInFromScratchAsync(email, NewPassword);
        await Expect(shell.HomeTitle).ToHaveTextAsync("Welcome, Qian Hao");
    }

    [Fact]
    public async Task WhenEmailIsAlreadyInUse_DialogSaysSoAndCreatesNothing()
    {
        var users = await OpenUsersAsAdminAsync();
        var dialog = await users.OpenNewUserDialogAsync();
        await dialog.FillAsync("rep1@demo.local", "Duplicate Person", NewPassword);
        await dialog.ChooseShopAsync(TmallShop);

        await dialog.SaveAsync();

        await Expect(dialog.Error).ToHaveTextAsync("rep1@demo.local is already in use.");
        await Expect(dialog.Root).ToBeVisibleAsync();
        await dialog.CancelAsync();
        await users.GotoAsync();
        await Expect(users.Row("rep1@demo.local")).ToHaveTextAsync("Li Wei");
        await Expect(users.Table).Not.ToContainTextAsync("Duplicate Person");
    }

    [Fact]
    public async Task WhenUserOutsideHeadOfficeHasNoShop_DialogSaysSoAndCreatesNothing()
    {
        var email = UniqueEmail();
        var users = await OpenUsersAsAdminAsync();
        var dialog = await users.OpenNewUserDialogAsync();
        await dialog.FillAsync(email, "Shopless Person", NewPassword);

        await dialog.SaveAsync();

        await Expect(dialog.Error).ToHaveTextAsync("A user outside head office belongs to at least one shop.");
        await Expect(dialog.Root).ToBeVisibleAsync();
        await dialog.CancelAsync();
        await users.GotoAsync();
        await Expect(users.Row("admin@demo.local")).ToBeVisibleAsync();
        await Expect(users.Row(email)).ToHaveCountAsync(0);
        await Expect(users.Table).Not.ToContainTextAsync("Shopless Person");
    }

    private static string UniqueEmail() => $"new-{Guid.NewGuid().ToString("N")[..12]}@demo.local";

    private async Task<UsersPage> OpenUsersAsAdminAsync()
    {
        IPage page = await NewSessionAsync();
        await new LoginPage(page).SignInFromScratchAsync("admin@demo.local", DemoPassword);
        var users = new UsersPage(page);
        await users.GotoAsync();
        await Expect(users.Row("admin@demo.local")).ToBeVisibleAsync();
        return users;
    }
}
