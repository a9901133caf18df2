using Crm.Domain.AfterSales;
using Crm.Domain.Approvals;
using Crm.Domain.Notifications;
using Crm.Domain.Service;
using Crm.Infrastructure.AfterSales;
using Crm.Infrastructure.Realtime;
using Crm.Infrastructure.Seeding;
using Crm.Web.Features.AfterSales;
using Crm.Web.Features.Approvals;
using Crm.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Crm.Web.Tests.Features;

/// <summary>
/// A rep submits an after-sales request, the manager decides it on the approvals board's command: the Return outcome
/// runs in the decision's one save, and the requester is told through the approvals feature's notifications.
/// </summary>
public sealed class ReturnApprovalOutcomeTests : IAsyncLifetime
{
    private readonly AppServices _app = new();

    public async Task InitializeAsync()
    {
        await _app.InitializeAsync();
        var now = TimeProvider.System.GetUtcNow();
        _app.Clock.SetUtcNow(new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero));
    }

    public Task DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task WhenTheManagerApprovesAReturnAndRefund_ThePickupWorkOrderTheRefundAndTheRequestersNotificationAreSaved()
    {
        var row = await SubmitAsRep1Async(AfterSalesType.ReturnAndRefund, 480m);
        var card = await ApprovalCardAsync(row.Id);
        card.Kind.ShouldBe(ApprovalKind.Return);
        card.SubjectTitle.ShouldContain("Return and refund");
        card.SubjectTitle.ShouldContain("480.00 CNY");
        card.Reason.ShouldContain("Damaged");

        _app.SignIn(DemoUsers.Manager);
        var outcome = await _app.Get<ApprovalCommands>().DecideAsync(card.Id, ApprovalDecision.Approve, "同意", card.Version);

        outcome.Refusal.ShouldBeNull();
        outcome.Decided.ShouldNotBeNull().Status.ShouldBe(ApprovalStatus.Approved);
        await using var db = _app.Database.OpenDemo();
        var request = await db.AfterSalesRequests.SingleAsync(r => r.Id == new AfterSalesRequestId(row.Id));
        request.Status.ShouldBe(AfterSalesStatus.Approved);
        (await db.WorkOrders.SingleAsync(w => w.Id == request.PickupWorkOrderId)).Type.ShouldBe(WorkOrderType.ReturnPickup);
        (await db.Refunds.SingleAsync(r => r.RequestId == request.Id)).Status.ShouldBe(RefundStatus.Due);
        (await db.Notifications.AnyAsync(n => n.RecipientId == DemoIds.Rep1 && n.MessageKey == ApprovalNotifications.Approved)).ShouldBeTrue();
    }

    [Fact]
    public async Task WhenTheManagerRejectsWithAComment_TheRequestIsRejectedWithItAndNothingElseIsCreated()
    {
        var row = await SubmitAsRep1Async(AfterSalesType.Exchange, 0m);
        var card = await ApprovalCardAsync(row.Id);

        _app.SignIn(DemoUsers.Manager);
        var outcome = await _app.Get<ApprovalCommands>().DecideAsync(card.Id, ApprovalDecision.Reject, "已过退换期", card.Version);

        outcome.Refusal.ShouldBeNull();
        await using var db = _app.Database.OpenDemo();
        var request = await db.AfterSalesRequests.SingleAsync(r => r.Id == new AfterSalesRequestId(row.Id));
        (request.Status, request.DecisionComment, request.PickupWorkOrderId).ShouldBe((AfterSalesStatus.Rejected, "已过退换期", (WorkOrderId?)null));
        (await db.Notifications.AnyAsync(n => n.RecipientId == DemoIds.Rep1 && n.MessageKey == ApprovalNotifications.Rejected)).ShouldBeTrue();
    }

    [Fact]
    public async Task WhenTheRequestIsDecidedASecondTime_TheDecisionIsRefusedAndNothingMoreIsCreated()
    {
        var row = await SubmitAsRep1Async(AfterSalesType.ReturnAndRefund, 480m);
        var card = await ApprovalCardAsync(row.Id);
        _app.SignIn(DemoUsers.Manager);
        await _app.Get<ApprovalCommands>().DecideAsync(card.Id, ApprovalDecision.Approve, null, card.Version);
        var decided = await _app.Get<ApprovalCommands>().LoadCardAsync(card.Id);

        _app.SignIn(DemoUsers.Admin);
        var second = await _app.Get<ApprovalCommands>().DecideAsync(card.Id, ApprovalDecision.Reject, "No.", decided!.Version);

        second.Refusal.ShouldNotBeNull().Code.ShouldBe("approval.already-decided");
        await using var db = _app.Database.OpenDemo();
        (await db.Refunds.CountAsync(r => r.RequestId == new AfterSalesRequestId(row.Id))).ShouldBe(1);
        (await db.WorkOrders.CountAsync(w => w.Description.Contains("TM-OUT-1"))).ShouldBe(1);
    }

    private Task<AfterSalesRow> SubmitAsRep1Async(AfterSalesType type, decimal amount)
    {
        _app.SignIn(DemoUsers.Rep1);
        return _app.Get<AfterSalesCommands>().SubmitAsync(new AfterSalesInput(
            type, DemoIds.Customer(1).Value, "TM-OUT-1", [("川字托盘", 12)], amount, AfterSalesReason.Damaged, null, "上海市青浦区华新镇华志路 1588 号"));
    }

    private async Task<ApprovalCard> ApprovalCardAsync(Guid requestId)
    {
        var load = await _app.Get<ApprovalCommands>().LoadBoardAsync();
        return load.Cards.Single(c => c.SubjectId == requestId);
    }
}
