using Crm.Domain.Service;
using Crm.Domain.Tests.Builders;

namespace Crm.Domain.Tests.Service;

public class WorkOrderRecordFollowUpVisitTests
{
    private static readonly DateTimeOffset VisitedAt = Dispatch.CheckedOutAt.AddDays(1);

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(5)]
    public void WhenCompletedAndRated_ClosesWithSatisfaction(int score)
    {
        var workOrder = new WorkOrderBuilder().InStatus(WorkOrderStatus.Completed).Build();

        workOrder.RecordFollowUpVisit(score, "  Technician was polite.  ", Dispatch.Agent, VisitedAt);

        workOrder.Status.ShouldBe(WorkOrderStatus.Closed);
        workOrder.ClosedAt.ShouldBe(VisitedAt);
        workOrder.Satisfaction.ShouldNotBeNull().Score.ShouldBe(score);
        workOrder.Satisfaction.Comment.ShouldBe("Technician was polite.");
        var closed = workOrder.DomainEvents.ShouldHaveSingleItem().ShouldBeOfType<WorkOrderClosed>();
        closed.Satisfaction.ShouldBe(score);
        closed.ById.ShouldBe(Dispatch.Agent);
        workOrder.StatusHistory.Last().To.ShouldBe(WorkOrderStatus.Closed);
    }

    [Fact]
    public void WhenNoComment_KeepsNone()
    {
        var workOrder = new WorkOrderBuilder().InStatus(WorkOrderStatus.Completed).Build();

        workOrder.RecordFollowUpVisit(4, null, Dispatch.Agent, VisitedAt);

        workOrder.Satisfaction.ShouldNotBeNull().Comment.ShouldBeNull();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    [InlineData(-3)]
    public void WhenScoreOutOfRange_IsRefusedAndStaysCompleted(int score)
    {
        var workOrder = new WorkOrderBuilder().InStatus(WorkOrderStatus.Completed).Build();

        RuleAssert.Violates(() => workOrder.RecordFollowUpVisit(score, null, Dispatch.Agent, VisitedAt), "workorder.satisfaction-out-of-range");

        workOrder.Status.ShouldBe(WorkOrderStatus.Completed);
        workOrder.Satisfaction.ShouldBeNull();
    }

    [Fact]
    public void WhenCommentTooLong_IsRefused()
    {
        var workOrder = new WorkOrderBuilder().InStatus(WorkOrderStatus.Completed).Build();

        RuleAssert.Violates(
            () => workOrder.RecordFollowUpVisit(5, new string('c', WorkOrderLimits.SatisfactionCommentMaxLength + 1), Dispatch.Agent, VisitedAt),
            "workorder.satisfaction-comment-too-long");
    }

    [Fact]
    public void WhenAlreadyClosed_IsRefused()
    {
        var workOrder = new WorkOrderBuilder().InStatus(WorkOrderStatus.Closed).Build();

        RuleAssert.Violates(() => workOrder.RecordFollowUpVisit(1, null, Dispatch.Agent, VisitedAt), "workorder.follow-up-requires-completed");

        workOrder.Satisfaction.ShouldNotBeNull().Score.ShouldBe(5);
    }
}
