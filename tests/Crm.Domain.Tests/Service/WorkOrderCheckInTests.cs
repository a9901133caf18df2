using Crm.Domain.Service;
using Crm.Domain.Tests.Builders;
using Microsoft.Extensions.Time.Testing;

namespace Crm.Domain.Tests.Service;

public class WorkOrderCheckInTests
{
    private readonly FakeTimeProvider _clock = Dispatch.Clock();

    [Fact]
    public void WhenAssignedTechnicianArrives_IsInProgressAndRaisesCheckedIn()
    {
        var workOrder = new WorkOrderBuilder().InStatus(WorkOrderStatus.Assigned).Build();
        _clock.Advance(TimeSpan.FromHours(2));

        workOrder.CheckIn(Dispatch.Technician, _clock.GetUtcNow());

        workOrder.Status.ShouldBe(WorkOrderStatus.InProgress);
        workOrder.CheckedInAt.ShouldBe(_clock.GetUtcNow());
        workOrder.DomainEvents.ShouldHaveSingleItem().ShouldBeOfType<WorkOrderCheckedIn>().TechnicianId.ShouldBe(Dispatch.Technician);
        var entry = workOrder.StatusHistory.Last();
        entry.To.ShouldBe(WorkOrderStatus.InProgress);
        entry.ById.ShouldBe(Dispatch.Technician);
    }

    [Fact]
    public void WhenAnotherTechnicianTries_IsRefused()
    {
        var workOrder = new WorkOrderBuilder().InStatus(WorkOrderStatus.Assigned).Build();

        var refusal = RuleAssert.Violates(() => workOrder.CheckIn(Dispatch.OtherTechnician, _clock.GetUtcNow()), "workorder.not-assigned-technician");

        refusal.Arguments.ShouldBe([Dispatch.OtherTechnician]);
        workOrder.Status.ShouldBe(WorkOrderStatus.Assigned);
        workOrder.CheckedInAt.ShouldBeNull();
    }

    [Fact]
    public void WhenNotYetAssigned_IsRefused()
    {
        var workOrder = new WorkOrderBuilder().Build();

        RuleAssert.Violates(() => workOrder.CheckIn(Dispatch.Technician, _clock.GetUtcNow()), "workorder.check-in-requires-assigned");
    }

    [Fact]
    public void WhenAlreadyCheckedInBySameTechnician_NothingChanges()
    {
        var workOrder = new WorkOrderBuilder().InStatus(WorkOrderStatus.InProgress).Build();

        workOrder.CheckIn(Dispatch.Technician, Dispatch.CheckedInAt.AddMinutes(5));

        workOrder.CheckedInAt.ShouldBe(Dispatch.CheckedInAt);
        workOrder.DomainEvents.ShouldBeEmpty();
    }

    [Fact]
    public void WhenAlreadyCheckedInAndAnotherTechnicianTries_IsRefused()
    {
        var workOrder = new WorkOrderBuilder().InStatus(WorkOrderStatus.InProgress).Build();

        RuleAssert.Violates(() => workOrder.CheckIn(Dispatch.OtherTechnician, _clock.GetUtcNow()), "workorder.check-in-requires-assigned");
    }
}
