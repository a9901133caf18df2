using Crm.Domain.Service;
using Microsoft.Extensions.Time.Testing;

namespace Crm.Domain.Tests.Service;

public class WorkOrderIsOverdueTests
{
    private readonly FakeTimeProvider _clock = Dispatch.Clock();

    [Theory]
    [InlineData(WorkOrderStatus.New)]
    [InlineData(WorkOrderStatus.Assigned)]
    [InlineData(WorkOrderStatus.InProgress)]
    public void WhenOpenAndPastDue_IsOverdue(WorkOrderStatus status)
    {
        var workOrder = new WorkOrderBuilder().WithPriority(WorkOrderPriority.Urgent).InStatus(status).Build();
        _clock.Advance(TimeSpan.FromHours(4) + TimeSpan.FromMinutes(1));

        workOrder.IsOverdue(_clock.GetUtcNow()).ShouldBeTrue();
    }

    [Fact]
    public void WhenExactlyAtDueTime_IsNotOverdue()
    {
        var workOrder = new WorkOrderBuilder().WithPriority(WorkOrderPriority.Urgent).Build();
        _clock.Advance(TimeSpan.FromHours(4));

        workOrder.IsOverdue(_clock.GetUtcNow()).ShouldBeFalse();
    }

    [Fact]
    public void WhenBeforeDueTime_IsNotOverdue()
    {
        var workOrder = new WorkOrderBuilder().WithPriority(WorkOrderPriority.Low).Build();
        _clock.Advance(TimeSpan.FromHours(71));

        workOrder.IsOverdue(_clock.GetUtcNow()).ShouldBeFalse();
    }

    [Theory]
    [InlineData(WorkOrderStatus.Completed)]
    [InlineData(WorkOrderStatus.Closed)]
    [InlineData(WorkOrderStatus.Cancelled)]
    public void WhenNoLongerOpen_IsNeverOverdue(WorkOrderStatus status)
    {
        var workOrder = new WorkOrderBuilder().WithPriority(WorkOrderPriority.Urgent).InStatus(status).Build();
        _clock.Advance(TimeSpan.FromDays(30));

        workOrder.IsOverdue(_clock.GetUtcNow()).ShouldBeFalse();
    }
}

public class WorkOrderTimeOnSiteTests
{
    [Theory]
    [InlineData(WorkOrderStatus.New)]
    [InlineData(WorkOrderStatus.Assigned)]
    [InlineData(WorkOrderStatus.InProgress)]
    [InlineData(WorkOrderStatus.Cancelled)]
    public void WhenNotCheckedOut_IsUnknown(WorkOrderStatus status) =>
        new WorkOrderBuilder().InStatus(status).Build().TimeOnSite.ShouldBeNull();

    [Theory]
    [InlineData(WorkOrderStatus.Completed)]
    [InlineData(WorkOrderStatus.Closed)]
    public void WhenCheckedOut_IsCheckInToCheckOut(WorkOrderStatus status) =>
        new WorkOrderBuilder().InStatus(status).Build().TimeOnSite.ShouldBe(Dispatch.CheckedOutAt - Dispatch.CheckedInAt);
}
