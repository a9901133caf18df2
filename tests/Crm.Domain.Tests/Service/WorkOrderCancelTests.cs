using Crm.Domain.Service;
using Crm.Domain.Tests.Builders;

namespace Crm.Domain.Tests.Service;

public class WorkOrderCancelTests
{
    private static readonly DateTimeOffset Later = Dispatch.AssignedAt.AddMinutes(30);

    [Theory]
    [InlineData(WorkOrderStatus.New)]
    [InlineData(WorkOrderStatus.Assigned)]
    public void WhenNotStarted_CancelsWithReason(WorkOrderStatus status)
    {
        var workOrder = new WorkOrderBuilder().InStatus(status).Build();

        workOrder.Cancel("  Customer withdrew the request.  ", Dispatch.Dispatcher, Later);

        workOrder.Status.ShouldBe(WorkOrderStatus.Cancelled);
        workOrder.CancelReason.ShouldBe("Customer withdrew the request.");
        var cancelled = workOrder.DomainEvents.ShouldHaveSingleItem().ShouldBeOfType<WorkOrderCancelled>();
        cancelled.From.ShouldBe(status);
        cancelled.ById.ShouldBe(Dispatch.Dispatcher);
        var entry = workOrder.StatusHistory.Last();
        entry.From.ShouldBe(status);
        entry.To.ShouldBe(WorkOrderStatus.Cancelled);
    }

    [Theory]
    [InlineData(WorkOrderStatus.InProgress)]
    [InlineData(WorkOrderStatus.Completed)]
    [InlineData(WorkOrderStatus.Closed)]
    public void WhenStarted_IsRefusedSayingWhy(WorkOrderStatus status)
    {
        var workOrder = new WorkOrderBuilder().InStatus(status).Build();

        var refusal = RuleAssert.Violates(() => workOrder.Cancel("Changed mind.", Dispatch.Dispatcher, Later), "workorder.cancel-requires-not-started");

        refusal.Arguments.ShouldBe([status]);
        workOrder.Status.ShouldBe(status);
        workOrder.CancelReason.ShouldBeNull();
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void WhenReasonIsMissing_IsRefused(string reason)
    {
        var workOrder = new WorkOrderBuilder().Build();

        RuleAssert.Violates(() => workOrder.Cancel(reason, Dispatch.Dispatcher, Later), "workorder.cancel-reason-required");

        workOrder.Status.ShouldBe(WorkOrderStatus.New);
    }

    [Fact]
    public void WhenReasonTooLong_IsRefused()
    {
        var workOrder = new WorkOrderBuilder().Build();

        RuleAssert.Violates(
            () => workOrder.Cancel(new string('r', WorkOrderLimits.CancelReasonMaxLength + 1), Dispatch.Dispatcher, Later),
            "workorder.cancel-reason-too-long");
    }

    [Fact]
    public void WhenAlreadyCancelled_NothingChanges()
    {
        var workOrder = new WorkOrderBuilder().InStatus(WorkOrderStatus.Cancelled).Build();

        workOrder.Cancel("Another reason.", Dispatch.Dispatcher, Later);

        workOrder.CancelReason.ShouldBe("Customer fixed it themselves.");
        workOrder.DomainEvents.ShouldBeEmpty();
    }
}
