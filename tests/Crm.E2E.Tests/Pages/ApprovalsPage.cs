using System.Globalization;
using Microsoft.Playwright;

namespace Crm.E2E.Tests.Pages;

/// <summary>
/// The live approvals board at /boards/approvals: columns Pending, Approved, Rejected (column-{Status}), cards
/// (card-{id} with data-status), approve-{id} and reject-{id}, and the comment dialog (decision-comment, decision-submit).
/// Other tests (the pool's claim) drive a decision through <see cref="DecideAsync"/>.
/// </summary>
public sealed class ApprovalsPage(IPage page)
{
    public IPage Page => page;

    public ILocator Board => page.GetByTestId("board-approvals");

    public ILocator Empty => page.GetByTestId("board-empty");

    public ILocator Column(string status) => page.GetByTestId($"column-{status}");

    public ILocator ColumnCount(string status) => page.GetByTestId($"column-{status}-count");

    public ILocator Zone(string status) => Column(status).Locator(".crm-kanban-zone");

    public ILocator Card(Guid id) => page.GetByTestId($"card-{id}");

    public ILocator CardIn(string status, Guid id) => Column(status).GetByTestId($"card-{id}");

    public ILocator Approve(Guid id) => page.GetByTestId($"approve-{id}");

    public ILocator Reject(Guid id) => page.GetByTestId($"reject-{id}");

    public ILocator Comment => page.Locator("textarea[data-testid=decision-comment]");

    public ILocator Submit => page.GetByTestId("decision-submit");

    public ILocator Dialog => page.GetByTestId("decision-dialog");

    public ILocator Presence(string userName) => page.GetByTestId($"presence-{userName}");

    public ILocator Snackbar => page.Locator(".mud-snackbar");

    public async Task GotoAsync(string query = "")
    {
        await page.GotoAsync("boards/approvals" + (query.Length == 0 ? string.Empty : "?" + query));
        await new ShellPage(page).WaitUntilLiveAsync();
        await Assertions.Expect(Board).ToBeVisibleAsync();
    }

    /// <summary>Approves or rejects with the card's button, fills in the comment and confirms.</summary>
    public async Task DecideAsync(Guid id, bool approve, string? comment)
    {
        await (approve ? Approve(id) : Reject(id)).ClickAsync();
        await Assertions.Expect(Dialog).ToBeVisibleAsync();
        if (comment is not null)
        {
            await Comment.FillAsync(comment);
        }

        await Submit.ClickAsync();
        await Assertions.Expect(Dialog).ToHaveCountAsync(0);
    }

    /// <summary>A real HTML5 drag of the card onto a column's drop zone.</summary>
    public Task DragAsync(Guid id, string status) => Card(id).DragToAsync(Zone(status));

    public async Task<int> CountAsync(string status) => int.Parse((await ColumnCount(status).InnerTextAsync()).Trim(), CultureInfo.InvariantCulture);

    /// <summary>Leaves a mark in the loaded document; a reload or a navigation would wipe it.</summary>
    public Task MarkDocumentAsync() => page.EvaluateAsync("() => { window.crmE2eMark = true; }");

    public Task<bool> IsSameDocumentAsync() => page.EvaluateAsync<bool>("() => window.crmE2eMark === true");
}
