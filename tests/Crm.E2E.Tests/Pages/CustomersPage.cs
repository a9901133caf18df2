using Microsoft.Playwright;

namespace Crm.E2E.Tests.Pages;

/// <summary>The customer list at /customers (rows by customer id) and its quick follow-up dialog.</summary>
public sealed class CustomersPage(IPage page)
{
    public IPage Page => page;

    public ILocator Table => page.GetByTestId("customers-table");

    public ILocator NameFilter => page.GetByTestId("filter-name");

    public ILocator Empty => page.GetByTestId("customers-empty");

    /// <summary>A customer's row, by its id: present while the list shows that customer.</summary>
    public ILocator Row(Guid id) => page.GetByTestId($"customer-row-{id}");

    /// <summary>Rows of the current page.</summary>
    public ILocator Rows => page.Locator("[data-testid^=customer-row-]");

    public ILocator LastFollowUp(Guid id) => page.GetByTestId($"customer-last-followup-{id}");

    public ILocator FollowUpNote => page.GetByTestId("customer-followup-note");

    public ILocator FollowUpSave => page.GetByTestId("customer-followup-save");

    public ILocator FollowUpDialog => page.GetByTestId("customer-followup-dialog");

    public async Task GotoAsync()
    {
        await page.GotoAsync("customers");
        await new ShellPage(page).WaitUntilLiveAsync();
        await Assertions.Expect(Table).ToBeVisibleAsync();
    }

    /// <summary>Types a name and leaves the field (the search applies on change).</summary>
    public async Task SearchNameAsync(string text)
    {
        await NameFilter.FillAsync(text);
        await NameFilter.PressAsync("Enter");
        await NameFilter.BlurAsync();
    }

    public async Task RecordFollowUpAsync(Guid id, string note)
    {
        await page.GetByTestId($"customer-followup-{id}").ClickAsync();
        await Assertions.Expect(FollowUpDialog).ToBeVisibleAsync();
        await FollowUpNote.FillAsync(note);
        await FollowUpSave.ClickAsync();
        await Assertions.Expect(FollowUpDialog).ToHaveCountAsync(0);
    }

    /// <summary>Opens the customer's profile from its row.</summary>
    public async Task<CustomerProfilePage> OpenAsync(Guid id)
    {
        await page.GetByTestId($"customer-open-{id}").ClickAsync();
        var profile = new CustomerProfilePage(page);
        await Assertions.Expect(profile.Heading).ToBeVisibleAsync();
        return profile;
    }
}

/// <summary>A customer's profile at /customers/{id}.</summary>
public sealed class CustomerProfilePage(IPage page)
{
    public ILocator Heading => page.GetByTestId("customer-name-heading");

    public ILocator Timeline => page.GetByTestId("customer-timeline");

    public ILocator NotFound => page.GetByTestId("customer-not-found");

    public ILocator Owner => page.GetByTestId("customer-owner-name");
}
