using System.Collections.Immutable;
using Crm.Domain.Service;
using Crm.Infrastructure.Realtime;
using Crm.Web.State;

namespace Crm.Web.Features.WorkOrders;

public static class DispatchReducers
{
    [ReducerMethod]
    public static DispatchState OnLoadDispatch(DispatchState state, LoadDispatchAction action) => state with { IsLoading = true };

    /// <summary>A (re)load is the truth, except for changes still on their way: those stay as the user made them.</summary>
    [ReducerMethod]
    public static DispatchState OnLoadDispatchSucceeded(DispatchState state, LoadDispatchSucceededAction action)
    {
        var cards = action.Cards.ToImmutableDictionary(c => c.Id);
        foreach (var (id, pending) in state.Pending)
        {
            if (cards.TryGetValue(id, out var card) && card.Version == pending.ExpectedVersion && state.Cards.TryGetValue(id, out var shown))
            {
                cards = cards.SetItem(id, shown);
            }
        }

        return state with { Cards = cards, Technicians = action.Technicians, IsLoading = false, IsLoaded = true };
    }

    [ReducerMethod]
    public static DispatchState OnAssignWorkOrder(DispatchState state, AssignWorkOrderAction action)
    {
        if (!state.Cards.TryGetValue(action.CardId, out var card))
        {
            return state;
        }

        var technician = state.Technicians.Find(t => t.Id == action.TechnicianId);
        var status = card.Status == WorkOrderStatus.New ? WorkOrderStatus.Assigned : card.Status;
        return Optimistic(state, card, action.ExpectedVersion, card with { TechnicianId = action.TechnicianId, TechnicianName = technician?.DisplayName, Status = status });
    }

    [ReducerMethod]
    public static DispatchState OnMoveWorkOrder(DispatchState state, MoveWorkOrderAction action) =>
        state.Cards.TryGetValue(action.CardId, out var card) && card.Status != action.Target
            ? Optimistic(state, card, action.ExpectedVersion, card with { Status = action.Target })
            : state;

    [ReducerMethod]
    public static DispatchState OnWorkOrderSaved(DispatchState state, WorkOrderSavedAction action)
    {
        var saved = state with { Cards = Newer(state.Cards, action.Card), Pending = state.Pending.Remove(action.Card.Id) };
        return action.Message is null ? saved : Tell(saved, action.Message, isError: false);
    }

    [ReducerMethod]
    public static DispatchState OnWorkOrderRefused(DispatchState state, WorkOrderRefusedAction action)
    {
        var cards = state.Cards;
        if (action.Current is not null)
        {
            cards = Newer(cards, action.Current);
        }
        else if (state.Pending.TryGetValue(action.CardId, out var pending))
        {
            cards = cards.SetItem(action.CardId, pending.Before);
        }

        return Tell(
            state with
            {
                Cards = cards,
                Pending = state.Pending.Remove(action.CardId),
                AwaitingCapacity = state.AwaitingCapacity?.CardId == action.CardId ? null : state.AwaitingCapacity,
            },
            action.Reason,
            isError: true);
    }

    [ReducerMethod]
    public static DispatchState OnWorkOrderOverCapacity(DispatchState state, WorkOrderOverCapacityAction action) =>
        state with { AwaitingCapacity = new CapacityRequest(action.CardId, action.TechnicianId, action.Open, action.Capacity) };

    [ReducerMethod]
    public static DispatchState OnDeclineOverCapacity(DispatchState state, DeclineOverCapacityAction action) =>
        state.AwaitingCapacity is { } request
            ? OnWorkOrderRefused(state, new WorkOrderRefusedAction(request.CardId, action.Reason, null))
            : state;

    [ReducerMethod]
    public static DispatchState OnWorkOrderChangedRemotely(DispatchState state, WorkOrderChangedRemotelyAction action)
    {
        // A change of ours still on its way keeps its place until our own outcome arrives.
        if (state.Pending.TryGetValue(action.Card.Id, out var pending) && action.Card.Version <= pending.ExpectedVersion)
        {
            return state;
        }

        return state with { Cards = Newer(state.Cards, action.Card) };
    }

    [ReducerMethod]
    public static DispatchState OnWorkOrderRemovedRemotely(DispatchState state, WorkOrderRemovedRemotelyAction action) =>
        state.Cards.ContainsKey(action.CardId) ? state with { Cards = state.Cards.Remove(action.CardId) } : state;

    [ReducerMethod]
    public static DispatchState OnDispatchPresenceChanged(DispatchState state, DispatchPresenceChangedAction action) =>
        state with { Presence = action.Present };

    [ReducerMethod]
    public static DispatchState OnSetDispatchFilter(DispatchState state, SetDispatchFilterAction action) =>
        state.Filter == action.Filter ? state : state with { Filter = action.Filter };

    [ReducerMethod]
    public static DispatchState OnSetDispatchView(DispatchState state, SetDispatchViewAction action) =>
        state.ByTechnician == action.ByTechnician ? state : state with { ByTechnician = action.ByTechnician };

    [ReducerMethod]
    public static DispatchState OnTechnicianUpdated(DispatchState state, TechnicianUpdatedAction action) =>
        state.Technicians.Find(t => t.Id == action.Technician.Id) is { } old
            ? state with { Technicians = state.Technicians.Replace(old, action.Technician) }
            : state;

    [ReducerMethod]
    public static DispatchState OnDispatchNoticeShown(DispatchState state, DispatchNoticeShownAction action) =>
        state.Notice?.Id == action.Id ? state with { Notice = null } : state;

    [ReducerMethod]
    public static DispatchState OnEffectFailed(DispatchState state, EffectFailedAction action) =>
        action.Action switch
        {
            LoadDispatchAction => state with { IsLoading = false },
            AssignWorkOrderAction assign => OnWorkOrderRefused(state, new WorkOrderRefusedAction(assign.CardId, action.Exception.Message, null)),
            MoveWorkOrderAction move => OnWorkOrderRefused(state, new WorkOrderRefusedAction(move.CardId, action.Exception.Message, null)),
            _ => state,
        };

    private static DispatchState Optimistic(DispatchState state, WorkOrderCard card, long expectedVersion, WorkOrderCard shown)
    {
        var pending = state.Pending.TryGetValue(card.Id, out var earlier) ? earlier : new PendingDispatch(card, expectedVersion);
        return state with
        {
            Cards = state.Cards.SetItem(card.Id, shown),
            Pending = state.Pending.SetItem(card.Id, pending),
            AwaitingCapacity = state.AwaitingCapacity?.CardId == card.Id ? null : state.AwaitingCapacity,
        };
    }

    /// <summary>Every notice gets a new number, so that the page shows each one once.</summary>
    private static DispatchState Tell(DispatchState state, string message, bool isError) =>
        state with { Notice = new DispatchNotice(message, isError, state.NoticeCount + 1), NoticeCount = state.NoticeCount + 1 };

    /// <summary>Versions only go forward: an older copy never replaces a newer one.</summary>
    private static ImmutableDictionary<Guid, WorkOrderCard> Newer(ImmutableDictionary<Guid, WorkOrderCard> cards, WorkOrderCard card) =>
        cards.TryGetValue(card.Id, out var existing) && existing.Version > card.Version ? cards : cards.SetItem(card.Id, card);
}
