using Crm.Domain.AfterSales;
using Crm.Domain.Service;
using Crm.Domain.Tests.Builders;
using static Crm.Domain.Tests.AfterSales.AfterSalesDesk;

namespace Crm.Domain.Tests.AfterSales;

public class AfterSalesRequestDecisionTests
{
    [Fact]
    public void WhenApproved_IsApprovedWithDeciderAndTheStepInTheHistory()
    {
        var request = Submit();

        request.Approve(Manager, " OK ", Later);

        request.Status.ShouldBe(AfterSalesStatus.Approved);
        (request.DecidedById, request.DecidedAt, request.DecisionComment).ShouldBe((Manager, Later, "OK"));
        var step = request.History.Last();
        (step.Kind, step.ById, step.At, step.Comment).ShouldBe((AfterSalesStepKind.Approved, Manager, Later, "OK"));
        request.DomainEvents.OfType<AfterSalesRequestApproved>().ShouldHaveSingleItem();
    }

    [Fact]
    public void WhenRejectedWithAComment_IsRejectedAndTheCommentIsKept()
    {
        var request = Submit();

        request.Reject(Manager, "超过退货期", Later);

        request.Status.ShouldBe(AfterSalesStatus.Rejected);
        request.DecisionComment.ShouldBe("超过退货期");
        request.History.Last().Kind.ShouldBe(AfterSalesStepKind.Rejected);
        request.History.Last().Comment.ShouldBe("超过退货期");
    }

    [Fact]
    public void WhenRejectedWithoutAComment_RefusesAndStaysPending()
    {
        var request = Submit();

        RuleAssert.Violates(() => request.Reject(Manager, " ", Later), "aftersales.comment-required");

        request.Status.ShouldBe(AfterSalesStatus.PendingApproval);
        request.History.Count.ShouldBe(1);
    }

    [Fact]
    public void WhenDecidedAgain_RefusesWithAlreadyDecided()
    {
        var request = Submit();
        request.Approve(Manager, null, Later);

        RuleAssert.Violates(() => request.Approve(Manager, null, Later), "aftersales.already-decided");
        RuleAssert.Violates(() => request.Reject(Manager, "No.", Later), "aftersales.already-decided");
        request.Status.ShouldBe(AfterSalesStatus.Approved);
    }

    [Fact]
    public void WhenARejectedRequestIsApproved_RefusesWithAlreadyDecided()
    {
        var request = Submit();
        request.Reject(Manager, "No.", Later);

        RuleAssert.Violates(() => request.Approve(Manager, null, Later), "aftersales.already-decided");
    }
}

public class AfterSalesRequestFollowUpTests
{
    [Theory]
    [InlineData(AfterSalesType.ReturnAndRefund)]
    [InlineData(AfterSalesType.Exchange)]
    public void WhenAnApprovedReturnGetsItsPickup_ItIsLinkedAndInTheHistory(AfterSalesType type)
    {
        var request = Approved(type);
        var workOrder = WorkOrderId.New();

        request.RecordPickup(workOrder, Manager, Later);

        request.PickupWorkOrderId.ShouldBe(workOrder);
        var step = request.History.Last();
        (step.Kind, step.LinkId).ShouldBe((AfterSalesStepKind.PickupScheduled, workOrder.Value));
    }

    [Theory]
    [InlineData(AfterSalesType.RefundOnly)]
    [InlineData(AfterSalesType.Reissue)]
    public void WhenNothingIsPickedUp_APickupIsRefused(AfterSalesType type) =>
        RuleAssert.Violates(() => Approved(type).RecordPickup(WorkOrderId.New(), Manager, Later), "aftersales.no-pickup-for-type");

    [Fact]
    public void WhenThePickupIsScheduledTwice_RefusesWithPickupAlreadyScheduled()
    {
        var request = Approved();
        request.RecordPickup(WorkOrderId.New(), Manager, Later);

        RuleAssert.Violates(() => request.RecordPickup(WorkOrderId.New(), Manager, Later), "aftersales.pickup-already-scheduled");
    }

    [Fact]
    public void WhenTheRequestIsPending_PickupAndRefundAreRefused()
    {
        var request = Submit();

        RuleAssert.Violates(() => request.RecordPickup(WorkOrderId.New(), Manager, Later), "aftersales.not-approved");
        RuleAssert.Violates(() => Refund.RecordFor(RefundId.New(), request, Manager, Later), "aftersales.not-approved");
    }

    [Fact]
    public void WhenTheRequestIsRejected_NoRefundIsRecorded()
    {
        var request = Submit();
        request.Reject(Manager, "No.", Later);

        RuleAssert.Violates(() => Refund.RecordFor(RefundId.New(), request, Manager, Later), "aftersales.not-approved");
    }

    [Theory]
    [InlineData(AfterSalesType.ReturnAndRefund)]
    [InlineData(AfterSalesType.RefundOnly)]
    public void WhenAnApprovedRefundIsRecorded_TheRefundIsDueForTheAmountAndLinked(AfterSalesType type)
    {
        var request = Approved(type);

        var refund = Refund.RecordFor(RefundId.New(), request, Manager, Later);

        refund.Status.ShouldBe(RefundStatus.Due);
        refund.Amount.ShouldBe(request.Amount);
        (refund.RequestId, refund.CustomerId, refund.ShopId, refund.TenantId).ShouldBe((request.Id, Customer, Shop, Tenant));
        request.RefundId.ShouldBe(refund.Id);
        request.History.Last().Kind.ShouldBe(AfterSalesStepKind.RefundRecorded);
    }

    [Theory]
    [InlineData(AfterSalesType.Exchange)]
    [InlineData(AfterSalesType.Reissue)]
    public void WhenNothingIsRefunded_ARefundIsRefused(AfterSalesType type) =>
        RuleAssert.Violates(() => Refund.RecordFor(RefundId.New(), Approved(type), Manager, Later), "aftersales.no-refund-for-type");

    [Fact]
    public void WhenTheRefundIsRecordedTwice_RefusesWithRefundAlreadyRecorded()
    {
        var request = Approved();
        Refund.RecordFor(RefundId.New(), request, Manager, Later);

        RuleAssert.Violates(() => Refund.RecordFor(RefundId.New(), request, Manager, Later), "aftersales.refund-already-recorded");
    }
}

public class RefundMarkPaidTests
{
    [Fact]
    public void WhenFinancePays_IsPaidWithWhoAndWhenAndTheRequestHistorySaysSo()
    {
        var request = Approved();
        var refund = Refund.RecordFor(RefundId.New(), request, Manager, Later);

        refund.MarkPaid(request, Finance, Later.AddDays(1));

        refund.Status.ShouldBe(RefundStatus.Paid);
        (refund.PaidById, refund.PaidAt).ShouldBe((Finance, Later.AddDays(1)));
        refund.DomainEvents.OfType<RefundPaid>().ShouldHaveSingleItem().Amount.ShouldBe(480m);
        request.History.Last().Kind.ShouldBe(AfterSalesStepKind.RefundPaid);
    }

    [Fact]
    public void WhenPaidTwice_RefusesWithAlreadyPaid()
    {
        var request = Approved();
        var refund = Refund.RecordFor(RefundId.New(), request, Manager, Later);
        refund.MarkPaid(request, Finance, Later);

        RuleAssert.Violates(() => refund.MarkPaid(request, Finance, Later.AddHours(1)), "refund.already-paid");
        refund.PaidAt.ShouldBe(Later);
    }

    [Fact]
    public void WhenPaidBeforeItWasRecorded_RefusesWithPaidBeforeRecorded()
    {
        var request = Approved();

        RuleAssert.Violates(() => Refund.RecordFor(RefundId.New(), request, Manager, Later).MarkPaid(request, Finance, Now), "refund.paid-before-recorded");
    }

    [Fact]
    public void WhenAnotherRefundIsReportedPaid_TheRequestRefuses() =>
        RuleAssert.Violates(() => Approved().RecordRefundPaid(RefundId.New(), Finance, Later), "aftersales.refund-unknown");
}
