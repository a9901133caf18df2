using Crm.Domain.Approvals;
using Crm.Domain.Customers;
using Crm.E2E.Tests.Infrastructure;
using Crm.E2E.Tests.Pages;
using Crm.Infrastructure.Seeding;
using Microsoft.EntityFrameworkCore;
using static Microsoft.Playwright.Assertions;

namespace Crm.E2E.Tests.Pool;

/// <summary>
/// Issue 4's two users at once: rep1 claims a pool customer; the manager's open approvals board shows the
/// request without a reload; the manager approves; the rep's bell tells them at once and the customer is in
/// their own list, still without a reload.
/// </summary>
public sealed class PoolClaimApprovalTests(BrowserFixture browser, CrmApp app) : BrowserTest(browser, app)
{
    [Fact]
    public async Task WhenRepClaimsAndManagerApproves_TheManagersBoardAndTheRepsBellAndListFollowWithoutReload()
    {
        var customer = PoolDemoSeeder.FreePoolCustomer.Value;
        const string Reason = "Their buyer called our Tmall shop about 500 pallets.";

        var managerPage = await NewSessionAsync();
        await new LoginPage(managerPage).SignInFromScratchAsync(DemoUser.Manager.Email, DemoPassword);
        var board = new ApprovalsPage(managerPage);
        await board.GotoAsync();
        var pending = await board.CountAsync("Pending");
        await board.MarkDocumentAsync();

        var repPage = await NewSessionAsync();
        await new LoginPage(repPage).SignInFromScratchAsync(DemoUser.Rep1.Email, DemoPassword);
        var pool = new PoolPage(repPage);
        await pool.GotoAsync();
        await repPage.EvaluateAsync("() => { window.crmE2eMark = true; }");

        await pool.ClaimAsync(customer, Reason);
        await Expect(pool.ClaimRequested(customer)).ToBeVisibleAsync();

        Guid requestId;
        await using (var db = App.DemoDatabase())
        {
            requestId = (await db.ApprovalRequests.AsNoTracking()
                .SingleAsync(r => r.Subject.Id == customer && r.RequesterId == DemoIds.Rep1 && r.Status == ApprovalStatus.Pending)).Id.Value;
        }

        await Expect(board.CardIn("Pending", requestId)).ToBeVisibleAsync();
        await Expect(board.Card(requestId)).ToContainTextAsync(Reason);
        await Expect(board.ColumnCount("Pending")).ToHaveTextAsync((pending + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));

        await board.DecideAsync(requestId, approve: true, "Yes — call them this week.");

        await Expect(board.CardIn("Approved", requestId)).ToBeVisibleAsync();
        (await board.IsSameDocumentAsync()).ShouldBeTrue("the manager's board changed without a reload");

        // The rep's bell rings on the pool page they still have open.
        var shell = new ShellPage(repPage);
        await Expect(repPage.GetByTestId("notification-count")).ToBeVisibleAsync();
        await shell.OpenNotificationsAsync();
        await Expect(shell.OpenMenu).ToContainTextAsync("Wang Fang approved your request");
        await repPage.Mouse.ClickAsync(640, 760);

        // Their own customers list (reached through the menu, not a reload) now holds the customer.
        await repPage.GetByTestId("nav-customers").ClickAsync();
        var customers = new CustomersPage(repPage);
        await Expect(customers.Table).ToBeVisibleAsync();
        var name = await StoredNameAsync(customer);
        await customers.SearchNameAsync(name);
        await Expect(customers.Row(customer)).ToBeVisibleAsync();
        (await repPage.EvaluateAsync<bool>("() => window.crmE2eMark === true")).ShouldBeTrue("the rep's page was not reloaded");

        await using var check = App.DemoDatabase();
        var stored = await check.Customers.AsNoTracking().SingleAsync(c => c.Id == new CustomerId(customer));
        stored.OwnerId.ShouldBe(DemoIds.Rep1);
        stored.OwnershipHistory.OrderBy(h => h.At).Last().Kind.ShouldBe(OwnershipChangeKind.Claimed);
    }

    private async Task<string> StoredNameAsync(Guid id)
    {
        await using var db = App.DemoDatabase();
        return (await db.Customers.AsNoTracking().SingleAsync(c => c.Id == new CustomerId(id))).Name;
    }
}
