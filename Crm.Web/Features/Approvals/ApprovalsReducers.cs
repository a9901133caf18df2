using System.Collections.Immutable;
using Crm.Domain.Approvals;
using Crm.Infrastructure.Realtime;
using Crm.Web.State;

namespace Crm.Web.Features.Approvals;

public static class ApprovalsReducers
{
    [ReducerMethod]
    public static ApprovalsState OnLoadApprovals(ApprovalsState state, LoadApprovalsAction action) => state with { IsLoading = true };

    /// <summary>A (re)load is the truth, except for decisions still on their way: those stay where the user put them.</summary>
    [ReducerMethod]
    public static ApprovalsState OnLoadApprovalsSucceeded(ApprovalsState state, LoadApprovalsSucceededAction action)
    {
        var cards = action.Cards.ToImmutableDictionary(c => c.Id);
        foreach (var (id, pending) in state.Pending)
        {
            if (cards.TryGetValue(id, out var card) && card.Version == pending.ExpectedVersion)
            {
                cards = cards.SetItem(id, card with { Status = pending.Decision.Target() });
            }
        }

        return state with { Cards = cards, IsLoading = false, IsLoaded = true };
    }

    /// <summary>Only a pending request can be decided; a decided card never moves.</summary>
    [ReducerMethod]
    public static ApprovalsState OnAskDecision(ApprovalsState state, AskDecisionAction action) =>
        state.Cards.TryGetValue(action.CardId, out var card) && card.Status == ApprovalStatus.Pending && !state.Pending.ContainsKey(card.Id)
            ? state with { AwaitingDecision = new DecisionRequest(card.Id, action.Decision) }
            : state;

    [ReducerMethod]
    public static ApprovalsState OnCancelDecision(ApprovalsState state, CancelDecisionAction action) =>
        state.AwaitingDecision is null ? state : state with { AwaitingDecision = null };

    [ReducerMethod]
    public static ApprovalsState OnDecideApproval(ApprovalsState state, DecideApprovalAction action)
    {
        if (!state.Cards.TryGetValue(action.CardId, out var card) || card.Status != ApprovalStatus.Pending || state.Pending.ContainsKey(card.Id))
        {
            return state with { AwaitingDecision = null };
        }

        return state with
        {
            Cards = state.Cards.SetItem(card.Id, card with { Status = action.Decision.Target(), Comment = action.Comment }),
            Pending = state.Pending.SetItem(card.Id, new PendingDecision(action.Decision, action.ExpectedVersion)),
            AwaitingDecision = null,
        };
    }

    [ReducerMethod]
    public static ApprovalsState OnDecideApprovalSucceeded(ApprovalsState state, DecideApprovalSucceededAction action) =>
        state with { Cards = Newer(state.Cards, action.Card), Pending = state.Pending.Remove(action.Card.Id) };

    [ReducerMethod]
    public static ApprovalsState OnDecideApprovalFailed(ApprovalsState state, DecideApprovalFailedAction action)
    {
        var cards = state.Cards;
        if (action.Current is not null)
        {
            cards = Newer(cards, action.Current);
        }
        else if (state.Pending.TryGetValue(action.CardId, out var pending) && cards.TryGetValue(action.CardId, out var card) && card.Version == pending.ExpectedVersion)
        {
            cards = cards.SetItem(action.CardId, card with { Status = ApprovalStatus.Pending, Comment = null });
        }

        return state with
        {
            Cards = cards,
            Pending = state.Pending.Remove(action.CardId),
            Notice = new ApprovalsNotice(action.Reason, true, (state.Notice?.Id ?? 0) + 1),
        };
    }

    [ReducerMethod]
    public static ApprovalsState OnApprovalChangedRemotely(ApprovalsState state, ApprovalChangedRemotelyAction action)
    {
        // A decision of ours still on its way keeps its place until our own outcome arrives.
        if (state.Pending.TryGetValue(action.Card.Id, out var pending) && action.Card.Version <= pending.ExpectedVersion)
        {
            return state;
        }

        return state with { Cards = Newer(state.Cards, action.Card) };
    }

    [ReducerMethod]
    public static ApprovalsState OnApprovalRemovedRemotely(ApprovalsState state, ApprovalRemovedRemotelyAction action) =>
        state.Cards.ContainsKey(action.CardId) ? state with { Cards = state.Cards.Remove(action.CardId) } : state;

    [ReducerMethod]
    public static ApprovalsState OnApprovalsPresenceChanged(ApprovalsState state, ApprovalsPresenceChangedAction action) =>
        state with { Presence = action.Present };

    [ReducerMethod]
    public static ApprovalsState OnSetApprovalsFilter(ApprovalsState state, SetApprovalsFilterAction action) =>
        state.Filter == action.Filter ? state : state with { Filter = action.Filter };

    [ReducerMethod]
    public static ApprovalsState OnApprovalsNoticeShown(ApprovalsState state, ApprovalsNoticeShownAction action) =>
        state.Notice?.Id == action.Id ? state with { Notice = null } : state;

    [ReducerMethod]
    public static ApprovalsState OnEffectFailed(ApprovalsState state, EffectFailedAction action) =>
        action.Action switch
        {
            LoadApprovalsAction => state with { IsLoading = false },
            DecideApprovalAction decide => OnDecideApprovalFailed(state, new DecideApprovalFailedAction(decide.CardId, action.Exception.Message, null)),
            _ => state,
        };

    /// <summary>Versions only go forward: an older copy (a late event, a reload racing a decision) never replaces a newer one.</summary>
    private static ImmutableDictionary<Guid, ApprovalCard> Newer(ImmutableDictionary<Guid, ApprovalCard> cards, ApprovalCard card) =>
        cards.TryGetValue(card.Id, out var existing) && existing.Version > card.Version ? cards : cards.SetItem(card.Id, card);
}
