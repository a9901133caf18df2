using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Crm.E2E.Tests.Pages;

/// <summary>The static sign-in form at /Account/Login.</summary>
public sealed partial class LoginPage(IPage page)
{
    public ILocator Email => page.GetByTestId("login-email");

    public ILocator Password => page.GetByTestId("login-password");

    public ILocator Submit => page.GetByTestId("login-submit");

    public ILocator Error => page.GetByTestId("login-error");

    public Task GotoAsync() => page.GotoAsync("Account/Login");

    public async Task SignInAsync(string email, string password)
    {
        await Email.FillAsync(email);
        await Password.FillAsync(password);
        await Submit.ClickAsync();
    }

    /// <summary>Signs in from a fresh session and waits for the signed-in shell to be live.</summary>
    public async Task<ShellPage> SignInFromScratchAsync(string email, string password)
    {
        await GotoAsync();
        await SignInAsync(email, password);
        var shell = new ShellPage(page);
        await shell.WaitUntilLiveAsync();
        return shell;
    }

    public async Task ExpectShownAsync()
    {
        await Assertions.Expect(page).ToHaveURLAsync(LoginUrl());
        await Assertions.Expect(Submit).ToBeVisibleAsync();
    }

    [GeneratedRegex("/Account/Login")]
    private static partial Regex LoginUrl();
}
