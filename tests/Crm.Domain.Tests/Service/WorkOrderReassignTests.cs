using Crm.Domain.Service;
using Crm.Domain.Tests.Builders;

namespace Crm.Domain.Tests.Service;

public class WorkOrderReassignTests
{
    private static readonly DateTimeOffset Later = Dispatch.AssignedAt.AddMinutes(30);

    [Fact]
    public void WhenAssignedAndNotCheckedIn_HandsToOtherTechnician()
    {
        var workOrder = new WorkOrderBuilder().InStatus(WorkOrderStatus.Assigned).Build();

        workOrder.Reassign(Dispatch.OtherTechnician, technicianIsOnDuty: true, Dispatch.Dispatcher, Later);

        workOrder.Status.ShouldBe(WorkOrderStatus.Assigned);
        workOrder.TechnicianId.ShouldBe(Dispatch.OtherTechnician);
        workOrder.AssignedAt.ShouldBe(Later);
        var assigned = workOrder.DomainEvents.ShouldHaveSingleItem().ShouldBeOfType<WorkOrderAssigned>();
        assigned.PreviousTechnicianId.ShouldBe(Dispatch.Technician);
        assigned.TechnicianId.ShouldBe(Dispatch.OtherTechnician);
        var entry = workOrder.StatusHistory.Last();
        entry.From.ShouldBe(WorkOrderStatus.Assigned);
        entry.To.ShouldBe(WorkOrderStatus.Assigned);
        entry.TechnicianId.ShouldBe(Dispatch.OtherTechnician);
    }

    [Fact]
    public void WhenReassigned_OnlyTheNewTechnicianMayCheckIn()
    {
        var workOrder = new WorkOrderBuilder().InStatus(WorkOrderStatus.Assigned).Build();
        workOrder.Reassign(Dispatch.OtherTechnician, technicianIsOnDuty: true, Dispatch.Dispatcher, Later);

        RuleAssert.Violates(() => workOrder.CheckIn(Dispatch.Technician, Later.AddHours(1)), "workorder.not-assigned-technician");
        workOrder.CheckIn(Dispatch.OtherTechnician, Later.AddHours(1));

        workOrder.Status.ShouldBe(WorkOrderStatus.InProgress);
    }

    [Fact]
    public void WhenCheckedIn_IsRefused()
    {
        var workOrder = new WorkOrderBuilder().InStatus(WorkOrderStatus.InProgress).Build();

        RuleAssert.Violates(
            () => workOrder.Reassign(Dispatch.OtherTechnician, technicianIsOnDuty: true, Dispatch.Dispatcher, Later),
            "workorder.reassign-requires-assigned");

        workOrder.TechnicianId.ShouldBe(Dispatch.Technician);
    }

    [Fact]
    public void WhenNewTechnicianIsOffDuty_IsRefused()
    {
        var workOrder = new WorkOrderBuilder().InStatus(WorkOrderStatus.Assigned).Build();

        RuleAssert.Violates(
            () => workOrder.Reassign(Dispatch.OtherTechnician, technicianIsOnDuty: false, Dispatch.Dispatcher, Later),
            "workorder.technician-off-duty");

        workOrder.TechnicianId.ShouldBe(Dispatch.Technician);
        workOrder.DomainEvents.ShouldBeEmpty();
    }

    [Fact]
    public void WhenSameTechnician_NothingChanges()
    {
        var workOrder = new WorkOrderBuilder().InStatus(WorkOrderStatus.Assigned).Build();

        workOrder.Reassign(Dispatch.Technician, technicianIsOnDuty: true, Dispatch.Dispatcher, Later);

        workOrder.DomainEvents.ShouldBeEmpty();
        workOrder.AssignedAt.ShouldBe(Dispatch.AssignedAt);
    }

    [Fact]
    public void WhenCapacityIsOverridden_RecordsIt()
    {
        var workOrder = new WorkOrderBuilder().InStatus(WorkOrderStatus.Assigned).Build();

        workOrder.Reassign(Dispatch.OtherTechnician, technicianIsOnDuty: true, Dispatch.Dispatcher, Later, capacityOverridden: true);

        workOrder.CapacityOverridden.ShouldBeTrue();
        workOrder.DomainEvents.ShouldHaveSingleItem().ShouldBeOfType<WorkOrderAssigned>().CapacityOverridden.ShouldBeTrue();
        workOrder.StatusHistory.Last().CapacityOverridden.ShouldBeTrue();
    }

    [Fact]
    public void WhenPreviousAssignmentWasOverriddenAndNewOneIsNot_ClearsTheFlag()
    {
        var workOrder = new WorkOrderBuilder().AssignedTo(Dispatch.Technician, capacityOverridden: true).InStatus(WorkOrderStatus.Assigned).Build();

        workOrder.Reassign(Dispatch.OtherTechnician, technicianIsOnDuty: true, Dispatch.Dispatcher, Later);

        workOrder.CapacityOverridden.ShouldBeFalse();
        workOrder.StatusHistory.Last().CapacityOverridden.ShouldBeFalse();
    }
}
