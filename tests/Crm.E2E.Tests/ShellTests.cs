using Crm.E2E.Tests.Infrastructure;
using Crm.E2E.Tests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Crm.E2E.Tests;

public sealed class ShellTests(BrowserFixture browser, CrmApp app) : BrowserTest(browser, app)
{
    [Fact]
    public async Task WhenManagerSignsIn_ShellIsEnglishThenChineseAfterSwitchAndSignOutReturnsToLogin()
    {
        var page = await NewSessionAsync();
        var login = new LoginPage(page);

        var shell = await login.SignInFromScratchAsync("manager@demo.local", DemoPassword);

        await Expect(shell.Document).ToHaveAttributeAsync("lang", "en");
        await Expect(shell.HomeTitle).ToHaveTextAsync("Welcome, Wang Fang");
        await Expect(shell.NavHome).ToHaveTextAsync("Home");
        await Expect(shell.AppTitle).ToHaveTextAsync("Crm");
        await Expect(shell.TenantName).ToHaveTextAsync("华宇塑料托盘 Huayu Pallets");
        // The notifications have loaded (the welcome, plus stale-deal reminders the job sends at start):
        // the page is complete for the screenshot.
        await Expect(shell.HomeUnread).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^[1-9]\d* unread$"));
        await page.ScreenshotAsync(new() { Path = RepositoryRoot.File("docs", "screenshot.png") });

        await shell.SwitchLanguageAsync("zh-CN");

        await Expect(shell.HomeTitle).ToHaveTextAsync("欢迎，Wang Fang");
        await Expect(shell.NavHome).ToHaveTextAsync("首页");
        await Expect(shell.AppTitle).ToHaveTextAsync("Crm 客户管理");

        await shell.SignOutAsync();

        await login.ExpectShownAsync();
        await Expect(login.Submit).ToHaveTextAsync("登录");
        await page.GotoAsync("/");
        await login.ExpectShownAsync();
    }

    [Fact]
    public async Task WhenUserMarksNotificationsRead_BellListedTheWelcomeAndNothingIsUnreadAnyMore()
    {
        var page = await NewSessionAsync();
        var shell = await new LoginPage(page).SignInFromScratchAsync("finance@demo.local", DemoPassword);
        await Expect(shell.HomeUnread).ToHaveTextAsync("1 unread");

        await shell.OpenNotificationsAsync();

        await Expect(shell.OpenMenu).ToContainTextAsync("Welcome to Crm, Sun Li! Your workspace is ready.");
        await shell.MarkAllNotificationsRead.ClickAsync();
        await Expect(shell.HomeUnread).ToHaveTextAsync("0 unread");
        await shell.GotoAsync("/");
        await Expect(shell.HomeUnread).ToHaveTextAsync("0 unread");
    }
}
