using System.Globalization;
using Microsoft.Playwright;

namespace Crm.E2E.Tests.Pages;

/// <summary>
/// The dispatch board at /boards/work-orders: status columns (new, assigned, in-progress, completed,
/// closed, cancelled), technician lanes (<c>unassigned</c> column, <c>tech-{userName}</c> lanes),
/// cards with "Assign to…"/"Move to…" menus, presence, and the follow-up and capacity dialogs.
/// </summary>
public sealed class DispatchBoardPage(IPage page)
{
    public IPage Page => page;

    public ILocator Board => page.GetByTestId("board-work-orders");

    public ILocator Column(string key) => page.GetByTestId($"column-{key}");

    public ILocator Lane(string userName) => page.GetByTestId($"tech-{userName}");

    public ILocator LaneCount(string userName) => page.GetByTestId($"tech-{userName}-count");

    public ILocator Card(Guid id) => page.GetByTestId($"card-{id}");

    public ILocator CardIn(string key, Guid id) => Column(key).GetByTestId($"card-{id}");

    public ILocator CardInLane(string userName, Guid id) => Lane(userName).GetByTestId($"card-{id}");

    public ILocator Presence(string userName) => page.GetByTestId($"presence-{userName}");

    public ILocator Snackbar => page.Locator(".mud-snackbar");

    public ILocator CapacityDialog => page.GetByTestId("capacity-dialog");

    public async Task GotoAsync(string query = "")
    {
        await page.GotoAsync("boards/work-orders" + (query.Length > 0 ? "?" + query : string.Empty));
        await new ShellPage(page).WaitUntilLiveAsync();
        await Assertions.Expect(Board).ToBeVisibleAsync();
    }

    public Task ShowStatusColumnsAsync() => page.GetByTestId("view-status").ClickAsync();

    /// <summary>A real HTML5 drag of the card onto a technician's lane.</summary>
    public Task DragToTechnicianAsync(Guid id, string userName) => Card(id).DragToAsync(Lane(userName).Locator(".crm-kanban-zone"));

    public async Task OpenMenuAsync(Guid id)
    {
        await page.GetByTestId($"card-menu-{id}").Locator("button").ClickAsync();
        // The menu is built when opened: its items show once its popover has been placed next to the card.
        await Assertions.Expect(page.Locator($"[data-testid^='card-move-{id}-']").First).ToBeInViewportAsync();
    }

    /// <summary>The keyboard/menu path: "Assign to…" → the technician.</summary>
    public async Task AssignByMenuAsync(Guid id, string userName)
    {
        await OpenMenuAsync(id);
        await page.GetByTestId($"card-assign-{id}-{userName}").ClickAsync();
    }

    /// <summary>"Move to… Closed" and the follow-up visit: the rating (1–5 stars) and a comment.</summary>
    public async Task RecordFollowUpAsync(Guid id, int stars, string comment)
    {
        await OpenMenuAsync(id);
        await page.GetByTestId($"card-move-{id}-closed").ClickAsync();
        await Assertions.Expect(page.GetByTestId("workorder-step-dialog")).ToBeVisibleAsync();
        await page.GetByTestId("followup-rating").Locator(".mud-rating-item").Nth(stars - 1).ClickAsync();
        await page.GetByTestId("followup-comment").FillAsync(comment);
        await page.GetByTestId("step-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("workorder-step-dialog")).ToHaveCountAsync(0);
    }

    /// <summary>"New work order": picks the customer from the names offered, fills address and problem, saves.</summary>
    public async Task CreateAsync(string typedCustomer, string customer, string address, string description)
    {
        await page.GetByTestId("workorder-new").ClickAsync();
        await Assertions.Expect(page.GetByTestId("new-workorder-dialog")).ToBeVisibleAsync();
        await page.GetByTestId("new-workorder-customer").FillAsync(typedCustomer);
        await page.Locator(".mud-popover-open").GetByText(customer, new() { Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("new-workorder-customer")).ToHaveValueAsync(customer);
        await Assertions.Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
        await page.GetByTestId("new-workorder-address").FillAsync(address);
        await page.GetByTestId("new-workorder-description").FillAsync(description);
        await page.GetByTestId("new-workorder-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("new-workorder-dialog")).ToHaveCountAsync(0);
    }

    public async Task<int> LaneCountAsync(string userName) => int.Parse((await LaneCount(userName).InnerTextAsync()).Trim(), CultureInfo.InvariantCulture);

    public Task MarkDocumentAsync() => page.EvaluateAsync("() => { window.crmE2eMark = true; }");

    public Task<bool> IsSameDocumentAsync() => page.EvaluateAsync<bool>("() => window.crmE2eMark === true");
}

/// <summary>The technician's list at /my/work-orders: check in, the report form, check out.</summary>
public sealed class MyWorkOrdersPage(IPage page)
{
    public IPage Page => page;

    public ILocator Order(Guid id) => page.GetByTestId($"my-order-{id}");

    public ILocator Status(Guid id) => page.GetByTestId($"my-order-status-{id}");

    public ILocator CheckIn(Guid id) => page.GetByTestId($"check-in-{id}");

    public ILocator CheckOut(Guid id) => page.GetByTestId($"check-out-{id}");

    public ILocator WorkDone(Guid id) => page.GetByTestId($"report-work-{id}");

    public ILocator PartsUsed(Guid id) => page.GetByTestId($"report-parts-{id}");

    public async Task GotoAsync()
    {
        await page.GotoAsync("my/work-orders");
        await new ShellPage(page).WaitUntilLiveAsync();
        await Assertions.Expect(page.GetByTestId("my-orders")).ToBeVisibleAsync();
    }

    public async Task CheckOutAsync(Guid id, string workDone, string partsUsed)
    {
        await WorkDone(id).FillAsync(workDone);
        await PartsUsed(id).FillAsync(partsUsed);
        await CheckOut(id).ClickAsync();
    }
}

/// <summary>The service dashboard at /service/dashboard: open and overdue counts, completion per technician, satisfaction.</summary>
public sealed class ServiceDashboardPage(IPage page)
{
    public IPage Page => page;

    public ILocator Open => page.GetByTestId("service-open");

    public ILocator Assigned(string userName) => page.GetByTestId($"service-assigned-{userName}");

    public ILocator Completed(string userName) => page.GetByTestId($"service-completed-{userName}");

    public ILocator Satisfaction(int score) => page.GetByTestId($"service-satisfaction-{score}");

    public async Task GotoAsync()
    {
        await page.GotoAsync("service/dashboard");
        await new ShellPage(page).WaitUntilLiveAsync();
        await Assertions.Expect(Open).ToBeVisibleAsync();
    }

    public static async Task<int> NumberAsync(ILocator figure) => int.Parse((await figure.InnerTextAsync()).Trim(), CultureInfo.InvariantCulture);
}
