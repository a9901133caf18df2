using System.Globalization;
using Microsoft.Playwright;

namespace Crm.E2E.Tests.Pages;

/// <summary>
/// The live pipeline board at /boards/opportunities: columns (by key: lead, first-contact,
/// needs-analysis, proposal, negotiation, won, lost), cards, their "Move to…" menus, presence,
/// the supervisor panel and the stage completion dialog.
/// </summary>
public sealed class PipelinePage(IPage page)
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

    /// <summary>Opens a card's "Move to…" menu and waits for its items.</summary>
    public async Task OpenMenuAsync(Guid id)
    {
        await page.GetByTestId($"card-menu-{id}").Locator("button").ClickAsync();
        await Assertions.Expect(page.Locator($"[data-testid^='card-move-{id}-']").First).ToBeVisibleAsync();
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
