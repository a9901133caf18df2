using Microsoft.Playwright;

namespace Crm.E2E.Tests.Pages;

/// <summary>The signed-in layout: app bar, navigation, language and user menus, and the home page.</summary>
public sealed class ShellPage(IPage page)
{
    public ILocator AppTitle => page.GetByTestId("app-title");

    public ILocator TenantName => page.GetByTestId("tenant-name");

    public ILocator NavHome => page.GetByTestId("nav-home");

    public ILocator NavAdminUsers => page.GetByTestId("nav-admin-users");

    public ILocator HomeTitle => page.GetByTestId("home-title");

    public ILocator HomeUnread => page.GetByTestId("home-unread");

    public ILocator AccessDenied => page.GetByTestId("access-denied");

    public ILocator Document => page.Locator("html");

    /// <summary>The open menu's popover (menus render their items in MudBlazor's popover layer).</summary>
    public ILocator OpenMenu => page.Locator(".mud-popover-open");

    public ILocator MarkAllNotificationsRead => page.GetByTestId("notifications-mark-all");

    /// <summary>
    /// Pages render only once the Blazor circuit is connected (no prerender); the layout then
    /// renders a hidden marker. Interactive controls must not be clicked before it is there.
    /// </summary>
    public Task WaitUntilLiveAsync() =>
        page.GetByTestId("circuit-live").WaitForAsync(new() { State = WaitForSelectorState.Attached });

    public async Task GotoAsync(string path)
    {
        await page.GotoAsync(path);
        await WaitUntilLiveAsync();
    }

    /// <summary>Picks a language from the app bar's menu; the page reloads in that language.</summary>
    public async Task SwitchLanguageAsync(string culture)
    {
        await page.GetByTestId("language-menu").Locator("button").ClickAsync();
        await page.GetByTestId($"language-{culture}").ClickAsync();
        await Assertions.Expect(Document).ToHaveAttributeAsync("lang", culture);
        await WaitUntilLiveAsync();
    }

    public async Task OpenNotificationsAsync()
    {
        await page.GetByTestId("notification-bell").Locator("button").ClickAsync();
        await Assertions.Expect(MarkAllNotificationsRead).ToBeVisibleAsync();
    }

    public async Task SignOutAsync()
    {
        await page.GetByTestId("user-menu-button").ClickAsync();
        await page.GetByTestId("sign-out").ClickAsync();
    }
}
