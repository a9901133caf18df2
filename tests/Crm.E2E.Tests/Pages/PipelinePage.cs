using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Crm.E2E.Tests.Pages;

/// <summary>
/// The live pipeline board at /boards/opportunities: columns (by key: lead, first-contact,
/// needs-analysis, proposal, negotiation, won, lost), cards, their "Move to…" menus, presence,
/// the supervisor panel and the stage completion dialog.
/// </summary>
public sealed partial class PipelinePage(IPage page)
{
    public IPage Page => page;

    public ILocator Board => page.GetByTestId("board-opportunities");

    public ILocator Column(string key) => page.GetByTestId($"column-{key}");

    public ILocator ColumnCount(string key) => page.GetByTestId($"column-{key}-count");

    public ILocator ColumnSum(string key) => page.GetByTestId($"column-{key}-sum");

    /// <summary>The drop zone of a column: where a dragged card lands.</summary>
    public ILocator Zone(string key) => Column(key).Locator(".crm-kanban-zone");

    /// <summary>A card wherever it is on the board (<c>data-stage</c>, <c>data-version</c>).</summary>
    public ILocator Card(Guid id) => page.GetByTestId($"card-{id}");

    /// <summary>A card inside one column: visible only while the card is there.</summary>
    public ILocator CardIn(string key, Guid id) => Column(key).GetByTestId($"card-{id}");

    public ILocator MoveItem(Guid id, string key) => page.GetByTestId($"card-move-{id}-{key}");

    public ILocator Presence(string userName) => page.GetByTestId($"presence-{userName}");

    public ILocator SupervisorPanel => page.GetByTestId("supervisor-panel");

    public ILocator FunnelCount(string key) => page.GetByTestId($"funnel-{key}-count");

    public ILocator Forecast30 => page.GetByTestId("forecast-30");

    public ILocator Forecast90 => page.GetByTestId("forecast-90");

    /// <summary>MudBlazor's snackbars (the rollback and cancel notices).</summary>
    public ILocator Snackbar => page.Locator(".mud-snackbar");

    public CompletionDialog Completion { get; } = new(page);

    public NewOpportunityDialog NewOpportunity { get; } = new(page);

    public OpportunityDrawer Drawer { get; } = new(page);

    /// <summary>Every card on the board (the card roots carry <c>data-stage</c>).</summary>
    public ILocator Cards => page.Locator("[data-testid^='card-'][data-stage]");

    /// <summary>A card's priority chip ("A · 85").</summary>
    public ILocator PriorityChip(Guid id) => Card(id).Locator(".mud-chip");

    public ILocator CardTitle(Guid id) => page.GetByTestId($"card-title-{id}");

    public ILocator CardCustomer(Guid id) => page.GetByTestId($"card-customer-{id}");

    /// <summary>"Being edited by …": shown on a card someone else has open.</summary>
    public ILocator EditingMarker(Guid id) => page.GetByTestId($"card-editing-{id}");

    public ILocator PriorityFilter => page.GetByTestId("filter-priority");

    /// <summary>Opens the board with filters in the query string and waits until it is live.</summary>
    public async Task GotoAsync(string query)
    {
        await page.GotoAsync("boards/opportunities?" + query);
        await new ShellPage(page).WaitUntilLiveAsync();
        await Assertions.Expect(Board).ToBeVisibleAsync();
    }

    /// <summary>The ids of the cards shown now, from their <c>card-{id}</c> test ids.</summary>
    public async Task<IReadOnlyList<Guid>> CardIdsAsync()
    {
        var testIds = await Cards.EvaluateAllAsync<string[]>("cards => cards.map(c => c.getAttribute('data-testid'))");
        return testIds.Select(t => Guid.Parse(t["card-".Length..], CultureInfo.InvariantCulture)).Order().ToList();
    }

    /// <summary>Opens the priority select and clicks the priority's item.</summary>
    public async Task ChoosePriorityAsync(string priority)
    {
        await PriorityFilter.ClickAsync();
        await page.Locator(".mud-popover-open").GetByText(priority, new() { Exact = true }).ClickAsync();
    }

    /// <summary>"New opportunity": opens the dialog and waits for it.</summary>
    public async Task<NewOpportunityDialog> OpenNewOpportunityAsync()
    {
        await page.GetByTestId("opportunity-new").ClickAsync();
        await Assertions.Expect(NewOpportunity.Root).ToBeVisibleAsync();
        return NewOpportunity;
    }

    /// <summary>Opens a card's drawer by its title link and waits until it shows the card.</summary>
    public async Task<OpportunityDrawer> OpenDrawerAsync(Guid id)
    {
        var title = await CardTitle(id).InnerTextAsync();
        await CardTitle(id).ClickAsync();
        await Assertions.Expect(Drawer.Title).ToHaveTextAsync(title.Trim());
        return Drawer;
    }

    /// <summary>Opens the board and waits until the circuit is live and the cards have loaded.</summary>
    public async Task GotoAsync()
    {
        await page.GotoAsync("boards/opportunities");
        await new ShellPage(page).WaitUntilLiveAsync();
        await Assertions.Expect(Board).ToBeVisibleAsync();
    }

    /// <summary>Leaves a mark in the loaded document; a reload or a navigation would wipe it.</summary>
    public Task MarkDocumentAsync() => page.EvaluateAsync("() => { window.crmE2eMark = true; }");

    /// <summary>True while the document marked by <see cref="MarkDocumentAsync"/> is still the one shown (no reload).</summary>
    public Task<bool> IsSameDocumentAsync() => page.EvaluateAsync<bool>("() => window.crmE2eMark === true");

    /// <summary>
    /// Waits until the server has answered the user's move of the card: the board shows a move at once, as pending,
    /// and the database has it only once the card is no longer pending.
    /// </summary>
    public Task ExpectSettledAsync(Guid id) => Assertions.Expect(Card(id)).Not.ToHaveClassAsync(PendingClass());

    [GeneratedRegex("crm-card-pending")]
    private static partial Regex PendingClass();

    /// <summary>Opens a card's "Move to…" menu and waits for its items.</summary>
    public async Task OpenMenuAsync(Guid id)
    {
        await page.GetByTestId($"card-menu-{id}").Locator("button").ClickAsync();
        // The menu is built when opened: its items show once its popover has been placed next to the card.
        await Assertions.Expect(page.Locator($"[data-testid^='card-move-{id}-']").First).ToBeInViewportAsync();
    }

    /// <summary>The keyboard/menu path: "Move to…" → the target column.</summary>
    public async Task MoveByMenuAsync(Guid id, string key)
    {
        await OpenMenuAsync(id);
        await MoveItem(id, key).ClickAsync();
    }

    /// <summary>A real HTML5 drag of the card onto a column's drop zone.</summary>
    public Task DragAsync(Guid id, string key) => Card(id).DragToAsync(Zone(key));

    /// <summary>What a column's header count shows now (read once, for figures to compare later).</summary>
    public async Task<int> CountAsync(string key) => int.Parse((await ColumnCount(key).InnerTextAsync()).Trim(), CultureInfo.InvariantCulture);

    public async Task<int> FunnelCountAsync(string key) => int.Parse((await FunnelCount(key).InnerTextAsync()).Trim(), CultureInfo.InvariantCulture);

    /// <summary>Every column's count, by key.</summary>
    public async Task<IReadOnlyDictionary<string, int>> CountsAsync()
    {
        var counts = new Dictionary<string, int>();
        foreach (var key in Keys)
        {
            counts[key] = await CountAsync(key);
        }

        return counts;
    }

    public static IReadOnlyList<string> Keys { get; } = ["lead", "first-contact", "needs-analysis", "proposal", "negotiation", "won", "lost"];
}

/// <summary>"New opportunity" from the board: customer (autocomplete), title, amount, close date, source.</summary>
public sealed class NewOpportunityDialog(IPage page)
{
    public ILocator Root => page.GetByTestId("new-opportunity-dialog");

    public ILocator Customer => page.GetByTestId("new-opportunity-customer");

    public ILocator Title => page.GetByTestId("new-opportunity-title");

    public ILocator Amount => page.GetByTestId("new-opportunity-amount");

    public ILocator Close => page.GetByTestId("new-opportunity-close");

    public ILocator Save => page.GetByTestId("new-opportunity-save");

    public ILocator Error => page.GetByTestId("new-opportunity-error");

    /// <summary>The validation messages the form shows under its fields.</summary>
    public ILocator FieldErrors => page.Locator(".mud-dialog .mud-input-helper-text.mud-input-error");

    /// <summary>Types the start of a customer's name and clicks that customer among the options offered.</summary>
    public async Task ChooseCustomerAsync(string typed, string name)
    {
        await Customer.FillAsync(typed);
        await page.Locator(".mud-popover-open").GetByText(name, new() { Exact = true }).ClickAsync();
        await Assertions.Expect(Customer).ToHaveValueAsync(name);
    }

    /// <summary>Opens the date picker and clicks a day of the month it shows.</summary>
    public async Task ChooseCloseDayAsync(int day)
    {
        await Close.ClickAsync();
        await page.Locator(".mud-popover-open button.mud-picker-calendar-day:visible")
            .Filter(new() { HasTextRegex = new System.Text.RegularExpressions.Regex($"^\\s*{day}\\s*$") })
            .ClickAsync();
        await Assertions.Expect(page.Locator(".mud-popover-open .mud-picker-calendar-day")).ToHaveCountAsync(0);
    }
}

/// <summary>The card drawer: details form, follow-ups tab and timeline, close.</summary>
public sealed class OpportunityDrawer(IPage page)
{
    public ILocator Title => page.GetByTestId("drawer-title");

    public ILocator EditTitle => page.GetByTestId("drawer-edit-title");

    public ILocator Save => page.GetByTestId("drawer-save");

    public ILocator Error => page.GetByTestId("drawer-error");

    public ILocator FollowUpsTab => page.GetByRole(AriaRole.Tab).Filter(new() { HasText = "Follow-ups" });

    public ILocator DetailsTab => page.GetByRole(AriaRole.Tab).Filter(new() { HasText = "Details" });

    public ILocator Note => page.GetByTestId("followup-note");

    public ILocator AddFollowUp => page.GetByTestId("followup-add");

    public ILocator Timeline => page.GetByTestId("followup-timeline");

    public ILocator CloseButton => page.GetByTestId("drawer-close");

    /// <summary>Writes a note on the follow-ups tab and adds it (the note is taken when the field loses focus).</summary>
    public async Task AddFollowUpAsync(string note)
    {
        await FollowUpsTab.ClickAsync();
        await Note.FillAsync(note);
        await Note.BlurAsync();
        await AddFollowUp.ClickAsync();
    }

    /// <summary>Changes the title on the details tab and saves.</summary>
    public async Task RenameAsync(string title)
    {
        await DetailsTab.ClickAsync();
        await EditTitle.FillAsync(title);
        await Save.ClickAsync();
    }
}

/// <summary>The dialog a blueprint gate opens: the details a stage needs before a card may enter it.</summary>
public sealed class CompletionDialog(IPage page)
{
    public ILocator Root => page.GetByTestId("completion-dialog");

    public ILocator NeedsSummary => page.GetByTestId("completion-needs-summary");

    public ILocator Amount => page.GetByTestId("completion-amount");

    public ILocator LostReason => page.GetByTestId("completion-lost-reason");

    public ILocator Submit => page.GetByTestId("completion-submit");

    public ILocator Cancel => page.GetByTestId("completion-cancel");
}
