using Microsoft.Playwright;

namespace Crm.E2E.Tests.Pages;

/// <summary>The admin's user list at /admin/users and its "new user" dialog.</summary>
public sealed class UsersPage(IPage page)
{
    public ILocator Table => page.GetByTestId("users-table");

    /// <summary>Every user row's name cell (<c>user-row-{email}</c>).</summary>
    public ILocator Rows => page.Locator("[data-testid^='user-row-']");

    public ILocator RowsOfDomain(string domain) => page.Locator($"[data-testid^='user-row-'][data-testid$='@{domain}']");

    public ILocator Row(string email) => page.GetByTestId($"user-row-{email}");

    /// <summary>The whole table row of a user, to read its other cells.</summary>
    public ILocator RowOf(string email) => page.Locator("tr").Filter(new() { Has = Row(email) });

    public async Task GotoAsync()
    {
        await page.GotoAsync("admin/users");
        await new ShellPage(page).WaitUntilLiveAsync();
    }

    public async Task<UserDialog> OpenNewUserDialogAsync()
    {
        await page.GetByTestId("user-new").ClickAsync();
        var dialog = new UserDialog(page);
        await Assertions.Expect(dialog.Root).ToBeVisibleAsync();
        return dialog;
    }
}

public sealed class UserDialog(IPage page)
{
    public ILocator Root => page.GetByTestId("user-dialog");

    public ILocator Error => page.GetByTestId("user-dialog-error");

    public ILocator Role => page.GetByTestId("user-role");

    public ILocator Shops => page.GetByTestId("user-shops");

    private ILocator OpenPopover => page.Locator(".mud-popover-open");

    public async Task FillAsync(string email, string displayName, string password)
    {
        await page.GetByTestId("user-email").FillAsync(email);
        await page.GetByTestId("user-display-name").FillAsync(displayName);
        await page.GetByTestId("user-password").FillAsync(password);
    }

    /// <summary>Opens the role select and clicks the role's item (by its visible name).</summary>
    public async Task ChooseRoleAsync(string roleName)
    {
        await Role.ClickAsync();
        await OpenPopover.GetByText(roleName, new() { Exact = true }).ClickAsync();
        await Assertions.Expect(Role).ToHaveAttributeAsync("aria-expanded", "false");
    }

    /// <summary>
    /// Ticks one shop in the multi-select, waits until the select shows it, then closes the list with
    /// Escape pressed on the select itself (focus may have moved into the list; the dialog stays open).
    /// </summary>
    public async Task ChooseShopAsync(string shopName)
    {
        await Shops.ClickAsync();
        await OpenPopover.GetByText(shopName).ClickAsync();
        await Assertions.Expect(Shops).ToHaveValueAsync(shopName);
        await Shops.PressAsync("Escape");
        await Assertions.Expect(Shops).ToHaveAttributeAsync("aria-expanded", "false");
    }

    public Task SaveAsync() => page.GetByTestId("user-save").ClickAsync();

    public Task CancelAsync() => page.GetByTestId("user-cancel").ClickAsync();
}
