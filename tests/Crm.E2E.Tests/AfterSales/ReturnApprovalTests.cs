using Crm.Domain.AfterSales;
using Crm.Domain.Approvals;
using Crm.Domain.Service;
using Crm.E2E.Tests.Infrastructure;
using Crm.E2E.Tests.Pages;
using Crm.Infrastructure.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Crm.E2E.Tests.AfterSales;

/// <summary>
/// Four users at once: rep1 submits a return and refund; the manager's open approvals board shows it live and the
/// manager approves; the dispatcher's open dispatch board shows the new pickup work order without a reload; finance
/// sees the refund and marks it paid; the rep's history of the request tells the whole story.
/// </summary>
public sealed class ReturnApprovalTests(BrowserFixture browser, CrmApp app) : BrowserTest(browser, app)
{
    private const string Customer = "上海顺达物流有限公司";
    private const string Order = "TM-E2E-20261122";

    [Fact]
    public async Task WhenARepSubmitsAReturnAndTheManagerApproves_TheDispatcherSeesThePickupLiveAndFinanceSeesTheRefund()
    {
        var dispatcher = new DispatchBoardPage(await SignedInAsync("dispatcher@demo.local"));
        await dispatcher.GotoAsync();
        await dispatcher.MarkDocumentAsync();
        var board = new ApprovalsPage(await SignedInAsync(DemoUser.Manager.Email));
        await board.GotoAsync();
        await board.MarkDocumentAsync();
        var rep = new AfterSalesPage(await SignedInAsync(DemoUser.Rep1.Email));
        await rep.GotoAsync();

        await rep.SubmitReturnAsync("顺达", Customer, Order, "川字托盘 1200×1000", 8, 320m, "上海市青浦区华新镇华志路 1588 号 3 号门");

        var (requestId, approvalId) = await StoredRequestAsync();
        await Expect(rep.Status(requestId)).ToHaveTextAsync("Pending approval");
        await rep.Page.ScreenshotAsync(new() { Path = RepositoryRoot.File("docs", "screenshot-after-sales.png") });

        // The manager's board shows the return live, with type, customer, amount and reason, and approves it.
        await Expect(board.CardIn("Pending", approvalId)).ToBeVisibleAsync();
        await Expect(board.Card(approvalId)).ToContainTextAsync("Return and refund");
        await Expect(board.Card(approvalId)).ToContainTextAsync("320.00 CNY");
        await Expect(board.Card(approvalId)).ToContainTextAsync("Damaged");
        await board.DecideAsync(approvalId, approve: true, "OK — pick them up this week.");
        await Expect(board.CardIn("Approved", approvalId)).ToBeVisibleAsync();
        (await board.IsSameDocumentAsync()).ShouldBeTrue();

        // The dispatcher's board has the pickup work order, without a reload.
        var pickup = await PickupOfAsync(requestId);
        await Expect(dispatcher.Card(pickup)).ToBeVisibleAsync();
        await Expect(dispatcher.Page.GetByTestId($"card-type-{pickup}")).ToHaveTextAsync("Pickup for return");
        (await dispatcher.Page.EvaluateAsync<bool>("() => window.crmE2eMark === true")).ShouldBeTrue("the dispatcher's board was not reloaded");

        // Finance sees the refund due and pays it after confirming.
        var refunds = new RefundsPage(await SignedInAsync("finance@demo.local"));
        await refunds.GotoAsync();
        await Expect(refunds.Status(requestId)).ToHaveTextAsync("Due");
        await Expect(refunds.Amount(requestId)).ToContainTextAsync("320.00");
        await refunds.MarkPaidAsync(requestId);
        await Expect(refunds.Status(requestId)).ToHaveTextAsync("Paid");

        // The rep's history of the request: submitted, approved with the comment, pickup, refund recorded and paid.
        await rep.Page.ReloadAsync();
        await new ShellPage(rep.Page).WaitUntilLiveAsync();
        await Expect(rep.Status(requestId)).ToHaveTextAsync("Approved");
        await rep.OpenHistoryAsync(requestId);
        await Expect(rep.Step("Approved")).ToContainTextAsync("Approved by Wang Fang");
        await Expect(rep.Step("Approved")).ToContainTextAsync("OK — pick them up this week.");
        await Expect(rep.Page.GetByTestId("aftersales-pickup-link")).ToBeVisibleAsync();
        await Expect(rep.Step("RefundPaid")).ToContainTextAsync("Refund paid by Sun Li");
        await Expect(rep.Page.GetByTestId("aftersales-drawer-close")).ToBeInViewportAsync(new() { Ratio = 1 });
        await rep.Page.ScreenshotAsync(new() { Path = RepositoryRoot.File("docs", "screenshot-after-sales-history.png") });

        // The service dashboard breaks the requests down by type and reason.
        await board.Page.SetViewportSizeAsync(1280, 1150);
        var dashboard = new ServiceDashboardPage(board.Page);
        await dashboard.GotoAsync();
        await Expect(board.Page.GetByTestId("aftersales-breakdown-table")).ToBeVisibleAsync();
        await Expect(board.Page.GetByTestId($"aftersales-count-{AfterSalesType.ReturnAndRefund}-{AfterSalesReason.Damaged}")).ToBeVisibleAsync();
        await board.Page.ScreenshotAsync(new() { Path = RepositoryRoot.File("docs", "screenshot-service-dashboard-after-sales.png") });
    }

    private async Task<(Guid Request, Guid Approval)> StoredRequestAsync()
    {
        await using var db = App.DemoDatabase();
        var request = await db.AfterSalesRequests.AsNoTracking().SingleAsync(r => r.OrderReference == Order);
        var approval = await db.ApprovalRequests.AsNoTracking().SingleAsync(r => r.Id == request.ApprovalRequestId);
        approval.Kind.ShouldBe(ApprovalKind.Return);
        return (request.Id.Value, approval.Id.Value);
    }

    private async Task<Guid> PickupOfAsync(Guid requestId)
    {
        await using var db = App.DemoDatabase();
        var request = await db.AfterSalesRequests.AsNoTracking().SingleAsync(r => r.Id == new AfterSalesRequestId(requestId));
        var workOrder = await db.WorkOrders.AsNoTracking().SingleAsync(w => w.Id == request.PickupWorkOrderId);
        workOrder.Type.ShouldBe(WorkOrderType.ReturnPickup);
        return workOrder.Id.Value;
    }

    private async Task<IPage> SignedInAsync(string email)
    {
        var page = await NewSessionAsync();
        await new LoginPage(page).SignInFromScratchAsync(email, DemoPassword);
        return page;
    }
}
