using Crm.Domain.AfterSales;
using Crm.Domain.Approvals;
using Crm.Domain.Common;
using Crm.Domain.Service;
using Crm.Infrastructure.AfterSales;
using Crm.Infrastructure.Persistence;
using Crm.Infrastructure.Realtime;
using Crm.Infrastructure.Seeding;
using Crm.Infrastructure.Tests.Realtime;
using Microsoft.EntityFrameworkCore;

namespace Crm.Infrastructure.Tests.AfterSales;

/// <summary>
/// Submitting and deciding after-sales requests on the demo data with the live engine, as the approvals board does:
/// the approval's Approve/Reject, then <see cref="AfterSalesDecisions"/>, then one SaveChanges.
/// </summary>
public sealed class AfterSalesDecisionTests(LiveDemoDatabase database) : IClassFixture<LiveDemoDatabase>
{
    [Fact]
    public async Task WhenSubmitted_TheRequestAndItsReturnApprovalAreSavedTogetherAndTheApprovalIsOnTheBoard()
    {
        var before = await database.SequenceOfAsync(DemoIds.DemoTenant, Boards.Approvals);

        var id = await SubmitAsync(AfterSalesType.ReturnAndRefund, 480m);

        await using var db = database.CreateFor(DemoIds.DemoTenant);
        var request = await db.AfterSalesRequests.SingleAsync(r => r.Id == id);
        var approval = await db.ApprovalRequests.SingleAsync(r => r.Id == request.ApprovalRequestId);
        approval.Kind.ShouldBe(ApprovalKind.Return);
        approval.Subject.Type.ShouldBe(AfterSalesSubmission.SubjectType);
        approval.Subject.Id.ShouldBe(id.Value);
        approval.Subject.Title.ShouldContain("Return and refund");
        approval.Subject.Title.ShouldContain("480.00 CNY");
        approval.Reason.ShouldContain("Damaged");
        request.Items.ShouldHaveSingleItem().Quantity.ShouldBe(12);
        (await database.SequenceOfAsync(DemoIds.DemoTenant, Boards.Approvals)).ShouldBe(before + 1);
    }

    [Fact]
    public async Task WhenAReturnAndRefundIsApproved_OneSaveWritesTheDecisionThePickupWorkOrderAndTheDueRefund()
    {
        var id = await SubmitAsync(AfterSalesType.ReturnAndRefund, 480m);
        var workOrdersBefore = await database.SequenceOfAsync(DemoIds.DemoTenant, Boards.WorkOrders);

        await using (var db = database.CreateFor(DemoIds.DemoTenant))
        {
            var approval = await ApprovalOfAsync(db, id);
            approval.Approve(DemoIds.Manager, "同意", Now);
            await AfterSalesDecisions.ApproveAsync(db, approval, Now, CancellationToken.None);
            (await db.SaveChangesAsync()).ShouldBeGreaterThan(0);
        }

        await using var after = database.CreateFor(DemoIds.DemoTenant);
        var request = await after.AfterSalesRequests.SingleAsync(r => r.Id == id);
        request.Status.ShouldBe(AfterSalesStatus.Approved);
        request.History.Select(s => s.Kind).ShouldBe(
            [AfterSalesStepKind.Submitted, AfterSalesStepKind.Approved, AfterSalesStepKind.PickupScheduled, AfterSalesStepKind.RefundRecorded]);
        var pickup = await after.WorkOrders.SingleAsync(w => w.Id == request.PickupWorkOrderId);
        (pickup.Type, pickup.Status, pickup.CustomerId, pickup.ShopId).ShouldBe(
            (WorkOrderType.ReturnPickup, WorkOrderStatus.New, request.CustomerId, request.ShopId));
        pickup.Address.ShouldBe(request.PickupAddress);
        var refund = await after.Refunds.SingleAsync(r => r.RequestId == id);
        (refund.Status, refund.Amount, refund.Id).ShouldBe((RefundStatus.Due, Money.Create(480m), request.RefundId!.Value));
        (await database.SequenceOfAsync(DemoIds.DemoTenant, Boards.WorkOrders)).ShouldBe(workOrdersBefore + 1, "the pickup goes onto the dispatch board live");
    }

    [Fact]
    public async Task ThePickupWorkOrder_IsDueByTheCompanysSlaHours()
    {
        await ConfigureSlaAsync(SlaPolicy.Create(2, 6, 12, 96));
        try
        {
            var id = await SubmitAsync(AfterSalesType.Exchange, 0m);

            await DecideAsync(id, approve: true);

            await using var after = database.CreateFor(DemoIds.DemoTenant);
            var request = await after.AfterSalesRequests.SingleAsync(r => r.Id == id);
            var pickup = await after.WorkOrders.SingleAsync(w => w.Id == request.PickupWorkOrderId);
            pickup.SlaDueAt.ShouldBe(pickup.RequestedAt.AddHours(12), "a pickup is of normal priority");
        }
        finally
        {
            await ConfigureSlaAsync(SlaPolicy.Default);
        }
    }

    [Fact]
    public async Task WhenAnExchangeIsApproved_ThereIsAPickupButNoRefund()
    {
        var id = await SubmitAsync(AfterSalesType.Exchange, 0m);

        await DecideAsync(id, approve: true);

        await using var after = database.CreateFor(DemoIds.DemoTenant);
        var request = await after.AfterSalesRequests.SingleAsync(r => r.Id == id);
        request.PickupWorkOrderId.ShouldNotBeNull();
        (await after.Refunds.AnyAsync(r => r.RequestId == id)).ShouldBeFalse();
    }

    [Fact]
    public async Task WhenARefundOnlyIsApproved_ThereIsARefundButNoPickup()
    {
        var id = await SubmitAsync(AfterSalesType.RefundOnly, 99.5m);

        await DecideAsync(id, approve: true);

        await using var after = database.CreateFor(DemoIds.DemoTenant);
        var request = await after.AfterSalesRequests.SingleAsync(r => r.Id == id);
        request.PickupWorkOrderId.ShouldBeNull();
        (await after.Refunds.SingleAsync(r => r.RequestId == id)).Amount.Amount.ShouldBe(99.5m);
    }

    [Fact]
    public async Task WhenRejected_TheRequestIsRejectedWithTheApproversCommentAndNothingFollows()
    {
        var id = await SubmitAsync(AfterSalesType.ReturnAndRefund, 480m);
        var workOrders = await CountWorkOrdersAsync();

        await DecideAsync(id, approve: false);

        await using var after = database.CreateFor(DemoIds.DemoTenant);
        var request = await after.AfterSalesRequests.SingleAsync(r => r.Id == id);
        request.Status.ShouldBe(AfterSalesStatus.Rejected);
        request.DecisionComment.ShouldBe("超过退货期");
        request.DecidedById.ShouldBe(DemoIds.Manager);
        request.History.Last().Comment.ShouldBe("超过退货期");
        (await after.Refunds.AnyAsync(r => r.RequestId == id)).ShouldBeFalse();
        (await CountWorkOrdersAsync()).ShouldBe(workOrders);
    }

    [Fact]
    public async Task WhenDecidedASecondTime_TheDecisionIsRefusedAndNothingMoreIsWritten()
    {
        var id = await SubmitAsync(AfterSalesType.ReturnAndRefund, 480m);
        await DecideAsync(id, approve: true);
        var workOrders = await CountWorkOrdersAsync();

        await using var db = database.CreateFor(DemoIds.DemoTenant);
        var approval = await ApprovalOfAsync(db, id);
        Should.Throw<DomainRuleViolation>(() => approval.Reject(DemoIds.Admin, "No.", Now)).Code.ShouldBe("approval.already-decided");
        var request = await db.AfterSalesRequests.SingleAsync(r => r.Id == id);
        Should.Throw<DomainRuleViolation>(() => request.Reject(DemoIds.Admin, "No.", Now)).Code.ShouldBe("aftersales.already-decided");

        await using var after = database.CreateFor(DemoIds.DemoTenant);
        (await after.AfterSalesRequests.SingleAsync(r => r.Id == id)).Status.ShouldBe(AfterSalesStatus.Approved);
        (await after.Refunds.CountAsync(r => r.RequestId == id)).ShouldBe(1);
        (await CountWorkOrdersAsync()).ShouldBe(workOrders);
    }

    [Fact]
    public async Task WhenTwoManagersDecideTheSameRequestAtOnce_OneWinsAndTheOtherIsAConflictThatWritesNothing()
    {
        var id = await SubmitAsync(AfterSalesType.ReturnAndRefund, 480m);
        await using var first = database.CreateFor(DemoIds.DemoTenant);
        await using var second = database.CreateFor(DemoIds.DemoTenant);
        var a = await ApprovalOfAsync(first, id);
        var b = await ApprovalOfAsync(second, id);
        a.Approve(DemoIds.Manager, null, Now);
        await AfterSalesDecisions.ApproveAsync(first, a, Now, CancellationToken.None);
        b.Approve(DemoIds.Admin, null, Now);
        await AfterSalesDecisions.ApproveAsync(second, b, Now, CancellationToken.None);

        await first.SaveChangesAsync();
        await Should.ThrowAsync<DbUpdateConcurrencyException>(async () => _ = await second.SaveChangesAsync());

        await using var after = database.CreateFor(DemoIds.DemoTenant);
        (await after.Refunds.CountAsync(r => r.RequestId == id)).ShouldBe(1);
        (await after.AfterSalesRequests.SingleAsync(r => r.Id == id)).DecidedById.ShouldBe(DemoIds.Manager);
    }

    [Fact]
    public async Task WhenTheDemoIsSeeded_ReturnsArePendingOnTheBoardAndTheApprovedOneHasItsPickupAndRefund()
    {
        await using var db = database.CreateFor(DemoIds.DemoTenant);
        var pending = await db.ApprovalRequests.CountAsync(r => r.Kind == ApprovalKind.Return && r.Status == ApprovalStatus.Pending);
        pending.ShouldBeGreaterThanOrEqualTo(3);
        var approved = await db.AfterSalesRequests.SingleAsync(r => r.Id == DemoIds.Rep2ApprovedReturn);
        approved.Status.ShouldBe(AfterSalesStatus.Approved);
        (await db.WorkOrders.SingleAsync(w => w.Id == approved.PickupWorkOrderId)).Type.ShouldBe(WorkOrderType.ReturnPickup);
        (await db.Refunds.SingleAsync(r => r.Id == approved.RefundId)).Status.ShouldBe(RefundStatus.Due);
        (await db.Refunds.CountAsync(r => r.Status == RefundStatus.Paid)).ShouldBeGreaterThanOrEqualTo(1);
        (await db.AfterSalesRequests.CountAsync(r => r.Status == AfterSalesStatus.Rejected)).ShouldBeGreaterThanOrEqualTo(1);
    }

    private DateTimeOffset Now => database.Clock.GetUtcNow();

    private async Task<AfterSalesRequestId> SubmitAsync(AfterSalesType type, decimal amount)
    {
        var customer = DemoIds.Customer(1);
        var id = AfterSalesRequestId.New();
        var (request, approval) = AfterSalesSubmission.Submit(
            id, DemoIds.DemoTenant, DemoIds.TmallShop, "上海顺达物流有限公司",
            new AfterSalesInput(type, customer.Value, "TM-TEST-1", [("川字托盘", 12)], amount, AfterSalesReason.Damaged, null, "上海市青浦区华新镇华志路 1588 号"),
            DemoIds.Rep1, Now);
        await using var db = database.CreateFor(DemoIds.DemoTenant);
        db.AfterSalesRequests.Add(request);
        db.ApprovalRequests.Add(approval);
        await db.SaveChangesAsync();
        return id;
    }

    private async Task DecideAsync(AfterSalesRequestId id, bool approve)
    {
        await using var db = database.CreateFor(DemoIds.DemoTenant);
        var approval = await ApprovalOfAsync(db, id);
        if (approve)
        {
            approval.Approve(DemoIds.Manager, null, Now);
            await AfterSalesDecisions.ApproveAsync(db, approval, Now, CancellationToken.None);
        }
        else
        {
            approval.Reject(DemoIds.Manager, "超过退货期", Now);
            await AfterSalesDecisions.RejectAsync(db, approval, Now, CancellationToken.None);
        }

        await db.SaveChangesAsync();
    }

    private static async Task<ApprovalRequest> ApprovalOfAsync(CrmDbContext db, AfterSalesRequestId id)
    {
        var request = await db.AfterSalesRequests.AsNoTracking().SingleAsync(r => r.Id == id);
        return await db.ApprovalRequests.SingleAsync(r => r.Id == request.ApprovalRequestId);
    }

    private async Task<int> CountWorkOrdersAsync()
    {
        await using var db = database.CreateFor(DemoIds.DemoTenant);
        return await db.WorkOrders.CountAsync();
    }

    private async Task ConfigureSlaAsync(SlaPolicy sla)
    {
        await using var db = database.CreateFor(DemoIds.DemoTenant);
        (await db.Tenants.SingleAsync()).ConfigureSla(sla, Now);
        await db.SaveChangesAsync();
    }
}
