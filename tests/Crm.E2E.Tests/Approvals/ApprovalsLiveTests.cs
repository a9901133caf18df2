using System.Globalization;
using Crm.Domain.Approvals;
using Crm.Domain.Organization;
using Crm.E2E.Tests.Infrastructure;
using Crm.E2E.Tests.Pages;
using Crm.Infrastructure.Persistence;
using Crm.Infrastructure.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace Crm.E2E.Tests.Approvals;

/// <summary>
/// Two users on the approvals board at once: a request submitted elsewhere appears on the manager's open
/// board, the manager decides it, and the requester's board and bell follow, all without a reload.
/// </summary>
public sealed class ApprovalsLiveTests(BrowserFixture browser, CrmApp app) : BrowserTest(browser, app)
{
    [Fact]
    public async Task WhenRepSubmitsAndManagerApprovesWithAComment_BothBoardsAndTheRepsBellUpdateWithoutReload()
    {
        var manager = await OpenAsync(DemoUser.Manager);
        var rep = await OpenAsync(DemoUser.Rep1);
        await Expect(manager.Presence(DemoUser.Rep1.Email)).ToBeVisibleAsync();

        // The rep's board holds the rep's own requests (the pool's demo claims), never another rep's.
        var rep1s = await RequestsOfAsync(DemoIds.Rep1);
        rep1s.ShouldNotBeEmpty();
        foreach (var own in rep1s)
        {
            await Expect(rep.Card(own)).ToBeVisibleAsync();
        }

        await Expect(rep.Card(DemoIds.Rep2PendingClaim.Value)).ToHaveCountAsync(0);
        var pending = await manager.CountAsync("Pending");
        var approved = await manager.CountAsync("Approved");
        var repPending = await rep.CountAsync("Pending");
        var repApproved = await rep.CountAsync("Approved");
        await manager.MarkDocumentAsync();
        await rep.MarkDocumentAsync();

        var (id, customer) = await SubmitClaimAsync("Visited them on Monday; they need 800 pallets.");

        await Expect(manager.CardIn("Pending", id)).ToBeVisibleAsync();
        await Expect(manager.Card(id)).ToContainTextAsync("Li Wei");
        await Expect(manager.Card(id)).ToContainTextAsync("Pool claim");
        await Expect(manager.Card(id)).ToContainTextAsync("Visited them on Monday");
        await Expect(manager.ColumnCount("Pending")).ToHaveTextAsync(Text(pending + 1));
        await Expect(rep.CardIn("Pending", id)).ToBeVisibleAsync();
        await Expect(rep.ColumnCount("Pending")).ToHaveTextAsync(Text(repPending + 1));
        await Expect(rep.Approve(id)).ToHaveCountAsync(0);
        await ExpectBellAsync(manager.Page, $"Li Wei asks for approval (Pool claim): {customer}");

        // The README's picture of the board: the manager's view with the new request.
        await manager.Page.SetViewportSizeAsync(1440, 900);
        await manager.Page.ScreenshotAsync(new() { Path = RepositoryRoot.File("docs", "screenshot-approvals.png") });

        await manager.DecideAsync(id, approve: true, "Go ahead, follow up this week.");

        await Expect(manager.CardIn("Approved", id)).ToBeVisibleAsync();
        await Expect(manager.ColumnCount("Pending")).ToHaveTextAsync(Text(pending));
        await Expect(manager.ColumnCount("Approved")).ToHaveTextAsync(Text(approved + 1));
        await Expect(rep.CardIn("Approved", id)).ToBeVisibleAsync();
        await Expect(rep.ColumnCount("Pending")).ToHaveTextAsync(Text(repPending));
        await Expect(rep.ColumnCount("Approved")).ToHaveTextAsync(Text(repApproved + 1));
        await Expect(rep.Card(id)).ToContainTextAsync("Approved by Wang Fang");
        await Expect(rep.Card(id)).ToContainTextAsync("Go ahead, follow up this week.");
        await ExpectBellAsync(rep.Page, $"Wang Fang approved your request (Pool claim): {customer}. Go ahead, follow up this week.");
        (await manager.IsSameDocumentAsync()).ShouldBeTrue("the manager's board changed without a reload");
        (await rep.IsSameDocumentAsync()).ShouldBeTrue("the rep's board and bell changed without a reload");

        await using var db = App.DemoDatabase();
        var stored = await db.ApprovalRequests.AsNoTracking().SingleAsync(r => r.Id == new ApprovalRequestId(id));
        stored.Status.ShouldBe(ApprovalStatus.Approved);
        stored.DecidedById.ShouldBe(DemoIds.Manager);
        stored.Comment.ShouldBe("Go ahead, follow up this week.");
        (await db.Customers.AsNoTracking().SingleAsync(c => c.Id == PoolDemoSeeder.FreePoolCustomer)).OwnerId.ShouldBe(DemoIds.Rep1, "the claim's outcome gave rep1 the customer");
        await Expect(rep.Card(id)).ToHaveAttributeAsync("data-version", Text(stored.Version));
    }

    [Fact]
    public async Task WhenManagerDragsARequestOntoRejected_ACommentIsRequiredAndTheRejectionReachesTheRequester()
    {
        var id = DemoIds.Rep2PendingClaim.Value;
        var manager = await OpenAsync(DemoUser.Manager);
        var rep2 = await OpenAsync(DemoUser.Rep2);
        await Expect(rep2.CardIn("Pending", id)).ToBeVisibleAsync();
        await Expect(manager.CardIn("Pending", id)).ToBeVisibleAsync();

        await manager.DragAsync(id, "Rejected");
        await Expect(manager.Dialog).ToBeVisibleAsync();
        await manager.Submit.ClickAsync();
        await Expect(manager.Dialog).ToContainTextAsync("A rejection needs a comment.");
        await Expect(manager.CardIn("Pending", id)).ToBeVisibleAsync();
        await manager.Comment.FillAsync("The JD shop already serves this customer.");
        await manager.Submit.ClickAsync();

        await Expect(manager.CardIn("Rejected", id)).ToBeVisibleAsync();
        await Expect(rep2.CardIn("Rejected", id)).ToBeVisibleAsync();
        await Expect(rep2.Card(id)).ToContainTextAsync("Rejected by Wang Fang");
        await ExpectBellAsync(rep2.Page, "Wang Fang rejected your request (Pool claim)");

        // A decided card stays where it is: no buttons, and a drag back does nothing.
        await Expect(manager.Reject(id)).ToHaveCountAsync(0);
        await manager.DragAsync(id, "Pending");
        await Expect(manager.CardIn("Rejected", id)).ToBeVisibleAsync();
        await using var db = App.DemoDatabase();
        (await db.ApprovalRequests.AsNoTracking().SingleAsync(r => r.Id == DemoIds.Rep2PendingClaim)).Status.ShouldBe(ApprovalStatus.Rejected);
    }

    private async Task<ApprovalsPage> OpenAsync(DemoUser user)
    {
        var page = await NewSessionAsync();
        await new LoginPage(page).SignInFromScratchAsync(user.Email, DemoPassword);
        var board = new ApprovalsPage(page);
        await board.GotoAsync();
        return board;
    }

    private async Task<List<Guid>> RequestsOfAsync(UserId requester)
    {
        await using var db = App.DemoDatabase();
        return [.. (await db.ApprovalRequests.AsNoTracking().Where(r => r.RequesterId == requester).Select(r => r.Id).ToListAsync()).Select(id => id.Value)];
    }

    /// <summary>
    /// Rep1 asks to claim the pool customer nobody claims (its approval gives rep1 the customer), submitted on the
    /// running app's live engine as the pool's claim does. Returns the request and the customer's name.
    /// </summary>
    private async Task<(Guid Id, string Customer)> SubmitClaimAsync(string reason)
    {
        var id = ApprovalRequestId.New();
        await using var db = App.Services.GetRequiredService<DatabaseModel>().CreateFor(DemoIds.DemoTenant);
        var customer = await db.Customers.AsNoTracking().SingleAsync(c => c.Id == PoolDemoSeeder.FreePoolCustomer);
        customer.IsInPool.ShouldBeTrue();
        db.ApprovalRequests.Add(ApprovalRequest.Submit(
            id, DemoIds.DemoTenant, customer.ShopId, ApprovalKind.PoolClaim, ApprovalSubject.Create("Customer", customer.Id.Value, customer.Name),
            DemoIds.Rep1, reason, DateTimeOffset.UtcNow));
        await db.SaveChangesAsync();
        return (id.Value, customer.Name);
    }

    private static async Task ExpectBellAsync(Microsoft.Playwright.IPage page, string text)
    {
        var shell = new ShellPage(page);
        await Expect(page.GetByTestId("notification-count")).ToBeVisibleAsync();
        await shell.OpenNotificationsAsync();
        await Expect(shell.OpenMenu).ToContainTextAsync(text);

        // Closed by a click elsewhere on the page (the menu's overlay takes it), as a user does.
        await page.Mouse.ClickAsync(640, 760);
        await Expect(shell.OpenMenu).ToHaveCountAsync(0);
    }

    private static string Text(long number) => number.ToString(CultureInfo.InvariantCulture);
}
