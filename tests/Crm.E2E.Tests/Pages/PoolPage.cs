using Microsoft.Playwright;

namespace Crm.E2E.Tests.Pages;

/// <summary>The public pool at /pool: the pool table, the claim dialog, the user's own customers.</summary>
public sealed class PoolPage(IPage page)
{
    public ILocator Table => page.GetByTestId("pool-table");

    public ILocator Mine => page.GetByTestId("pool-mine");

    public ILocator ClaimsToday => page.GetByTestId("pool-claims-today");

    public ILocator AssignBar => page.GetByTestId("pool-assign-bar");

    public ILocator Row(Guid customerId) => page.GetByTestId($"pool-row-{customerId}");

    public ILocator ClaimButton(Guid customerId) => page.GetByTestId($"claim-{customerId}");

    public ILocator ClaimRequested(Guid customerId) => page.GetByTestId($"claimed-{customerId}");

    public ILocator Snackbar => page.Locator(".mud-snackbar");

    public async Task GotoAsync()
    {
        await new ShellPage(page).GotoAsync("pool");
        await Table.WaitForAsync();
    }

    /// <summary>Opens the claim dialog of a pool customer, gives the reason and sends it.</summary>
    public async Task ClaimAsync(Guid customerId, string reason)
    {
        await ClaimButton(customerId).ClickAsync();
        await page.GetByTestId("claim-reason").FillAsync(reason);
        await page.GetByTestId("claim-submit").ClickAsync();
    }
}
