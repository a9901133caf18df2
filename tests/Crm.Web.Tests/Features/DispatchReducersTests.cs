using Crm.Domain.Service;
using Crm.Web.Features.WorkOrders;
using Crm.Web.Tests.Support;

namespace Crm.Web.Tests.Features;

/// <summary>Optimistic assignment and moves, rollback with the reason, the capacity question, and live events that never go back in version.</summary>
public sealed class DispatchReducersTests
{
    [Fact]
    public void WhenAnOrderIsAssigned_ItShowsAssignedToTheTechnicianAtOnceAndIsPending()
    {
        var card = Samples.WorkOrder();

        var state = DispatchReducers.OnAssignWorkOrder(Samples.DispatchWith(card), new AssignWorkOrderAction(card.Id, Samples.Technician1.Id, card.Version));

        state.Cards[card.Id].Status.ShouldBe(WorkOrderStatus.Assigned);
        state.Cards[card.Id].TechnicianName.ShouldBe("Liu Yang");
        state.Pending[card.Id].Before.ShouldBe(card);
    }

    [Fact]
    public void WhenTheAssignmentIsRefusedWithoutTheCurrentCard_TheCardGoesBackAndTheUserIsTold()
    {
        var card = Samples.WorkOrder();
        var assigned = DispatchReducers.OnAssignWorkOrder(Samples.DispatchWith(card), new AssignWorkOrderAction(card.Id, Samples.Technician1.Id, card.Version));

        var state = DispatchReducers.OnWorkOrderRefused(assigned, new WorkOrderRefusedAction(card.Id, "The technician is off duty.", null));

        state.Cards[card.Id].ShouldBe(card);
        state.Pending.ShouldBeEmpty();
        state.Notice.ShouldBe(new DispatchNotice("The technician is off duty.", true, 1));
    }

    [Fact]
    public void WhenTheDispatcherDeclinesTheOverCapacityAssignment_TheCardGoesBackToUnassigned()
    {
        var card = Samples.WorkOrder();
        var state = DispatchReducers.OnAssignWorkOrder(Samples.DispatchWith(card), new AssignWorkOrderAction(card.Id, Samples.Technician2.Id, card.Version));
        state = DispatchReducers.OnWorkOrderOverCapacity(state, new WorkOrderOverCapacityAction(card.Id, Samples.Technician2.Id, 3, 3));
        state.AwaitingCapacity.ShouldBe(new CapacityRequest(card.Id, Samples.Technician2.Id, 3, 3));

        state = DispatchReducers.OnDeclineOverCapacity(state, new DeclineOverCapacityAction("Not assigned to Zhao Lei."));

        state.Cards[card.Id].TechnicianId.ShouldBeNull();
        state.Cards[card.Id].Status.ShouldBe(WorkOrderStatus.New);
        state.AwaitingCapacity.ShouldBeNull();
        state.Notice!.Message.ShouldBe("Not assigned to Zhao Lei.");
    }

    [Fact]
    public void WhenTwoNoticesFollowEachOther_EachGetsANewNumberEvenAfterTheFirstWasShown()
    {
        var card = Samples.WorkOrder();
        var state = DispatchReducers.OnWorkOrderSaved(Samples.DispatchWith(card), new WorkOrderSavedAction(card with { Version = 2 }, "Saved."));
        state = DispatchReducers.OnDispatchNoticeShown(state, new DispatchNoticeShownAction(state.Notice!.Id));

        state = DispatchReducers.OnWorkOrderSaved(state, new WorkOrderSavedAction(card with { Version = 3 }, "Saved again."));

        state.Notice!.Id.ShouldBe(2);
    }

    [Fact]
    public void WhenAnOlderCopyArrivesLive_TheNewerCardStays()
    {
        var card = Samples.WorkOrder(WorkOrderStatus.Assigned, version: 4, technician: Samples.Technician1);

        var state = DispatchReducers.OnWorkOrderChangedRemotely(Samples.DispatchWith(card), new WorkOrderChangedRemotelyAction(card with { Version = 3, Status = WorkOrderStatus.New }));

        state.Cards[card.Id].ShouldBe(card);
    }
}
