using Microsoft.Playwright;

namespace Crm.E2E.Tests.Pages;

/// <summary>
/// After-sales requests at /service/returns: the list (aftersales-row-{id}, aftersales-status-{id}), the create
/// dialog (aftersales-customer, aftersales-order, aftersales-item-name-0, aftersales-amount, aftersales-address) and the
/// history drawer (aftersales-open-{id}, aftersales-step-{Kind}).
/// </summary>
public sealed class AfterSalesPage(IPage page)
{
    public IPage Page => page;

    public ILocator Dialog => page.GetByTestId("aftersales-dialog");

    public ILocator Row(Guid id) => page.GetByTestId($"aftersales-row-{id}");

    public ILocator Status(Guid id) => page.GetByTestId($"aftersales-status-{id}");

    public ILocator Step(string kind) => page.GetByTestId($"aftersales-step-{kind}");

    public async Task GotoAsync()
    {
        await page.GotoAsync("service/returns");
        await new ShellPage(page).WaitUntilLiveAsync();
        await Assertions.Expect(page.GetByTestId("aftersales-table")).ToBeVisibleAsync();
    }

    /// <summary>"New request": a return and refund of damaged goods (the dialog's defaults) for the customer picked from the names offered.</summary>
    public async Task SubmitReturnAsync(string typedCustomer, string customer, string orderReference, string item, int quantity, decimal amount, string address)
    {
        await page.GetByTestId("aftersales-new").ClickAsync();
        await Assertions.Expect(Dialog).ToBeVisibleAsync();
        await page.GetByTestId("aftersales-customer").FillAsync(typedCustomer);
        await page.Locator(".mud-popover-open").GetByText(customer, new() { Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("aftersales-customer")).ToHaveValueAsync(customer);
        await page.GetByTestId("aftersales-order").FillAsync(orderReference);
        await page.GetByTestId("aftersales-item-name-0").FillAsync(item);
        await page.GetByTestId("aftersales-item-qty-0").FillAsync(quantity.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByTestId("aftersales-amount").FillAsync(amount.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByTestId("aftersales-address").FillAsync(address);
        await page.GetByTestId("aftersales-save").ClickAsync();
        await Assertions.Expect(Dialog).ToHaveCountAsync(0);
    }

    public async Task OpenHistoryAsync(Guid id)
    {
        await page.GetByTestId($"aftersales-open-{id}").ClickAsync();
        await Assertions.Expect(page.GetByTestId("aftersales-history")).ToBeVisibleAsync();
    }
}

/// <summary>Finance's refunds at /finance/refunds: refund-status-{requestId}, refund-pay-{requestId} and its confirmation.</summary>
public sealed class RefundsPage(IPage page)
{
    public IPage Page => page;

    public ILocator Status(Guid requestId) => page.GetByTestId($"refund-status-{requestId}");

    public ILocator Amount(Guid requestId) => page.GetByTestId($"refund-amount-{requestId}");

    public async Task GotoAsync()
    {
        await page.GotoAsync("finance/refunds");
        await new ShellPage(page).WaitUntilLiveAsync();
        await Assertions.Expect(page.GetByTestId("refunds-table")).ToBeVisibleAsync();
    }

    public async Task MarkPaidAsync(Guid requestId)
    {
        await page.GetByTestId($"refund-pay-{requestId}").ClickAsync();
        await page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "Mark paid" }).ClickAsync();
    }
}
