using Crm.Domain.Service;
using Crm.Domain.Tests.Builders;

namespace Crm.Domain.Tests.Service;

public class WorkOrderAssignToTests
{
    private readonly Microsoft.Extensions.Time.Testing.FakeTimeProvider _clock = Dispatch.Clock();

    [Fact]
    public void WhenTechnicianIsOnDuty_AssignsAndRaisesAssigned()
    {
        var workOrder = new WorkOrderBuilder().Build();
        _clock.Advance(TimeSpan.FromMinutes(20));

        workOrder.AssignTo(Dispatch.Technician, technicianIsOnDuty: true, Dispatch.Dispatcher, _clock.GetUtcNow());

        workOrder.Status.ShouldBe(WorkOrderStatus.Assigned);
        workOrder.TechnicianId.ShouldBe(Dispatch.Technician);
        workOrder.AssignedAt.ShouldBe(_clock.GetUtcNow());
        workOrder.CapacityOverridden.ShouldBeFalse();
        var assigned = workOrder.DomainEvents.ShouldHaveSingleItem().ShouldBeOfType<WorkOrderAssigned>();
        assigned.TechnicianId.ShouldBe(Dispatch.Technician);
        assigned.PreviousTechnicianId.ShouldBeNull();
        assigned.DispatcherId.ShouldBe(Dispatch.Dispatcher);
        assigned.CapacityOverridden.ShouldBeFalse();
        var entry = workOrder.StatusHistory.Last();
        entry.From.ShouldBe(WorkOrderStatus.New);
        entry.To.ShouldBe(WorkOrderStatus.Assigned);
        entry.TechnicianId.ShouldBe(Dispatch.Technician);
        entry.ById.ShouldBe(Dispatch.Dispatcher);
        entry.CapacityOverridden.ShouldBeFalse();
    }

    [Fact]
    public void WhenTechnicianIsOffDuty_IsRefusedAndStaysNew()
    {
        var workOrder = new WorkOrderBuilder().Build();

        RuleAssert.Violates(
            () => workOrder.AssignTo(Dispatch.Technician, technicianIsOnDuty: false, Dispatch.Dispatcher, _clock.GetUtcNow()),
            "workorder.technician-off-duty");

        workOrder.Status.ShouldBe(WorkOrderStatus.New);
        workOrder.TechnicianId.ShouldBeNull();
        workOrder.DomainEvents.ShouldBeEmpty();
    }

    [Fact]
    public void WhenCapacityIsOverridden_RecordsItInEventAndHistory()
    {
        var workOrder = new WorkOrderBuilder().Build();
        TechnicianCapacity.Exceeds(assignedToday: 6, capacity: 6).ShouldBeTrue();

        workOrder.AssignTo(Dispatch.Technician, technicianIsOnDuty: true, Dispatch.Dispatcher, _clock.GetUtcNow(), capacityOverridden: true);

        workOrder.CapacityOverridden.ShouldBeTrue();
        workOrder.DomainEvents.ShouldHaveSingleItem().ShouldBeOfType<WorkOrderAssigned>().CapacityOverridden.ShouldBeTrue();
        workOrder.StatusHistory.Last().CapacityOverridden.ShouldBeTrue();
    }

    [Fact]
    public void WhenOverriddenAssignmentIsCheckedIn_OnlyTheAssignmentEntryCarriesTheOverride()
    {
        var workOrder = new WorkOrderBuilder().AssignedTo(Dispatch.Technician, capacityOverridden: true).InStatus(WorkOrderStatus.InProgress).Build();

        workOrder.StatusHistory.Where(c => c.CapacityOverridden).ShouldHaveSingleItem().To.ShouldBe(WorkOrderStatus.Assigned);
    }

    [Fact]
    public void WhenSameTechnicianAgain_NothingChanges()
    {
        var workOrder = new WorkOrderBuilder().InStatus(WorkOrderStatus.Assigned).Build();
        var history = workOrder.StatusHistory.Count;

        workOrder.AssignTo(Dispatch.Technician, technicianIsOnDuty: true, Dispatch.Dispatcher, Dispatch.Start.AddHours(1), capacityOverridden: true);

        workOrder.DomainEvents.ShouldBeEmpty();
        workOrder.StatusHistory.Count.ShouldBe(history);
        workOrder.AssignedAt.ShouldBe(Dispatch.AssignedAt);
        workOrder.CapacityOverridden.ShouldBeFalse();
    }

    [Fact]
    public void WhenAlreadyAssignedToAnother_IsRefusedInFavourOfReassign()
    {
        var workOrder = new WorkOrderBuilder().InStatus(WorkOrderStatus.Assigned).Build();

        var refusal = RuleAssert.Violates(
            () => workOrder.AssignTo(Dispatch.OtherTechnician, technicianIsOnDuty: true, Dispatch.Dispatcher, _clock.GetUtcNow()),
            "workorder.already-assigned");

        refusal.Message.ShouldContain("reassign");
        workOrder.TechnicianId.ShouldBe(Dispatch.Technician);
    }

    [Fact]
    public void WhenRefusedForStatus_SaysWhichStatus()
    {
        var workOrder = new WorkOrderBuilder().InStatus(WorkOrderStatus.InProgress).Build();

        var refusal = RuleAssert.Violates(
            () => workOrder.AssignTo(Dispatch.OtherTechnician, technicianIsOnDuty: true, Dispatch.Dispatcher, _clock.GetUtcNow()),
            "workorder.assign-requires-new");

        refusal.Arguments.ShouldBe([WorkOrderStatus.InProgress]);
        refusal.Message.ShouldContain("In progress");
    }
}
