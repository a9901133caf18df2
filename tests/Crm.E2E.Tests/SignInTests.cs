using Crm.E2E.Tests.Infrastructure;
using Crm.E2E.Tests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Crm.E2E.Tests;

public sealed class SignInTests(BrowserFixture browser, CrmApp app) : BrowserTest(browser, app)
{
    [Fact]
    public async Task WhenPasswordIsWrong_ErrorIsShownAndTheRightPasswordStillSignsIn()
    {
        var page = await NewSessionAsync();
        var login = new LoginPage(page);
        await login.GotoAsync();

        await login.SignInAsync("rep2@demo.local", "Wrong123!");

        await Expect(login.Error).ToContainTextAsync("Sign-in failed");
        await login.ExpectShownAsync();

        await login.SignInAsync("rep2@demo.local", DemoPassword);

        await Expect(new ShellPage(page).HomeTitle).ToHaveTextAsync("Welcome, Zhang Min");
        await Expect(login.Error).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task WhenAnonymousOpensHome_LoginIsShownAndSigningInLeadsBackHome()
    {
        var page = await NewSessionAsync();
        var login = new LoginPage(page);

        await page.GotoAsync("/");

        await login.ExpectShownAsync();
        await Expect(login.Error).ToHaveCountAsync(0);

        await login.SignInAsync("rep1@demo.local", DemoPassword);

        await Expect(new ShellPage(page).HomeTitle).ToHaveTextAsync("Welcome, Li Wei");
    }
}
