using Microsoft.Playwright;

namespace Crm.E2E.Tests.Pages;

/// <summary>The leads list at /leads: status tabs with counts, filters, rows with their menus, the import and conversion dialogs.</summary>
public sealed class LeadsPage(IPage page)
{
    public IPage Page => page;

    public ILocator Table => page.GetByTestId("leads-table");

    public ILocator Search => Input("lead-filter-text");

    public ILocator ImportButton => page.GetByTestId("lead-import");

    public ILocator ImportDialog => page.GetByTestId("lead-import-dialog");

    public ILocator ImportValid => page.GetByTestId("import-preview-valid");

    public ILocator ImportInvalid => page.GetByTestId("import-preview-invalid");

    public ILocator ImportStart => page.GetByTestId("lead-import-start");

    public ILocator ImportReport => page.GetByTestId("lead-import-report");

    public ILocator ImportClose => page.GetByTestId("lead-import-close");

    public ILocator ConvertDialog => page.GetByTestId("lead-convert-dialog");

    public ILocator ConvertSubmit => page.GetByTestId("lead-convert-submit");

    public ILocator Snackbar => page.Locator(".mud-snackbar");

    /// <summary>A MudBlazor text field's input (the test id lands on the input element itself).</summary>
    public ILocator Input(string testId) => page.Locator($"input[data-testid={testId}], [data-testid={testId}] input").First;

    public ILocator Tab(string key) => page.GetByTestId($"lead-tab-{key}");

    public ILocator TabCount(string key) => page.GetByTestId($"lead-tab-{key}-count");

    public ILocator Names => Table.GetByTestId("lead-name");

    public ILocator Status(Guid id) => page.GetByTestId($"lead-status-{id}");

    public ILocator ImportIssues(int line) => page.GetByTestId($"import-issue-{line}");

    public async Task ImportAsync(string fileName, string content)
    {
        await ImportButton.ClickAsync();
        // Through the chooser the button opens: by then the circuit has wired the file input (setting it earlier may go unnoticed).
        var chooser = await page.RunAndWaitForFileChooserAsync(() => page.GetByTestId("lead-import-choose").ClickAsync());
        await chooser.SetFilesAsync(new FilePayload
        {
            Name = fileName,
            MimeType = "text/csv",
            Buffer = System.Text.Encoding.UTF8.GetBytes(content),
        });
    }

    public async Task SearchAsync(string text)
    {
        await Search.FillAsync(text);
        await Search.PressAsync("Tab");
    }

    /// <summary>Opens a row's menu and picks one of its verbs (take, follow-up, convert, …).</summary>
    public async Task ActAsync(Guid id, string verb)
    {
        await page.GetByTestId($"lead-menu-{id}").Locator("button").ClickAsync();
        await page.Locator(".mud-popover-open").GetByTestId($"lead-act-{verb}").ClickAsync();
    }
}
