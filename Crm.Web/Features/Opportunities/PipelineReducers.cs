using System.Collections.Immutable;
using Crm.Infrastructure.Realtime;
using Crm.Web.State;

namespace Crm.Web.Features.Opportunities;

public static class PipelineReducers
{
    [ReducerMethod]
    public static PipelineState OnLoadPipeline(PipelineState state, LoadPipelineAction action) => state with { IsLoading = true };

    /// <summary>A (re)load is the truth, except for moves still on their way: those stay where the user put them.</summary>
    [ReducerMethod]
    public static PipelineState OnLoadPipelineSucceeded(PipelineState state, LoadPipelineSucceededAction action)
    {
        var cards = action.Cards.ToImmutableDictionary(c => c.Id);
        foreach (var (id, pending) in state.Pending)
        {
            if (cards.TryGetValue(id, out var card) && card.Version == pending.ExpectedVersion)
            {
                cards = cards.SetItem(id, card with { Stage = pending.To });
            }
        }

        return state with { Cards = cards, IsLoading = false, IsLoaded = true, Settings = action.Settings };
    }

    [ReducerMethod]
    public static PipelineState OnMoveOpportunity(PipelineState state, MoveOpportunityAction action)
    {
        if (!state.Cards.TryGetValue(action.CardId, out var card))
        {
            return state;
        }

        if (card.Stage == action.Target)
        {
            // The details for a move already shown in its target column: the dialog is done.
            return state.AwaitingCompletion?.CardId == card.Id ? state with { AwaitingCompletion = null } : state;
        }

        var pending = state.Pending.TryGetValue(action.CardId, out var earlier)
            ? earlier with { To = action.Target }
            : new PendingMove(card.Stage, action.Target, action.ExpectedVersion);
        return state with
        {
            Cards = state.Cards.SetItem(card.Id, card with { Stage = action.Target }),
            Pending = state.Pending.SetItem(card.Id, pending),
            AwaitingCompletion = null,
        };
    }

    [ReducerMethod]
    public static PipelineState OnMoveOpportunitySucceeded(PipelineState state, MoveOpportunitySucceededAction action) =>
        state with
        {
            Cards = Newer(state, action.Card),
            Pending = state.Pending.Remove(action.Card.Id),
        };

    [ReducerMethod]
    public static PipelineState OnMoveOpportunityFailed(PipelineState state, MoveOpportunityFailedAction action)
    {
        var cards = state.Cards;
        if (action.Current is not null)
        {
            // The server's card, unless a newer one has arrived meanwhile: versions only go forward here too.
            cards = Newer(state, action.Current);
        }
        else if (state.Pending.TryGetValue(action.CardId, out var pending) && cards.TryGetValue(action.CardId, out var card))
        {
            cards = cards.SetItem(action.CardId, card with { Stage = pending.From });
        }

        return state with
        {
            Cards = cards,
            Pending = state.Pending.Remove(action.CardId),
            AwaitingCompletion = null,
            Notice = new PipelineNotice(action.Reason, true, (state.Notice?.Id ?? 0) + 1),
        };
    }

    /// <summary>The card stays in the target column while the user fills in what the blueprint asks for.</summary>
    [ReducerMethod]
    public static PipelineState OnMoveOpportunityNeedsCompletion(PipelineState state, MoveOpportunityNeedsCompletionAction action) =>
        state with { AwaitingCompletion = new CompletionRequest(action.CardId, action.Target, [.. action.Missing]) };

    [ReducerMethod]
    public static PipelineState OnCancelOpportunityCompletion(PipelineState state, CancelOpportunityCompletionAction action) =>
        state.AwaitingCompletion is { } request
            ? OnMoveOpportunityFailed(state, new MoveOpportunityFailedAction(request.CardId, action.Reason, null))
            : state;

    [ReducerMethod]
    public static PipelineState OnOpportunityChangedRemotely(PipelineState state, OpportunityChangedRemotelyAction action)
    {
        // A move of ours still on its way keeps its place until our own outcome arrives.
        if (state.Pending.TryGetValue(action.Card.Id, out var pending) && action.Card.Version <= pending.ExpectedVersion)
        {
            return state;
        }

        return state with { Cards = Newer(state, action.Card) };
    }

    [ReducerMethod]
    public static PipelineState OnOpportunityRemovedRemotely(PipelineState state, OpportunityRemovedRemotelyAction action) =>
        state.Cards.ContainsKey(action.CardId) ? state with { Cards = state.Cards.Remove(action.CardId) } : state;

    [ReducerMethod]
    public static PipelineState OnPipelinePresenceChanged(PipelineState state, PipelinePresenceChangedAction action) =>
        state with { Presence = action.Present };

    [ReducerMethod]
    public static PipelineState OnSetPipelineFilter(PipelineState state, SetPipelineFilterAction action) =>
        state.Filter == action.Filter ? state : state with { Filter = action.Filter };

    [ReducerMethod]
    public static PipelineState OnTogglePipelineStageFold(PipelineState state, TogglePipelineStageFoldAction action) =>
        state with { Folded = state.Folded.Contains(action.Stage) ? state.Folded.Remove(action.Stage) : state.Folded.Add(action.Stage) };

    [ReducerMethod]
    public static PipelineState OnNoticeShown(PipelineState state, NoticeShownAction action) =>
        state.Notice?.Id == action.Id ? state with { Notice = null } : state;

    [ReducerMethod]
    public static PipelineState OnEffectFailed(PipelineState state, EffectFailedAction action) =>
        action.Action switch
        {
            LoadPipelineAction => state with { IsLoading = false },
            MoveOpportunityAction move => OnMoveOpportunityFailed(state, new MoveOpportunityFailedAction(move.CardId, action.Exception.Message, null)),
            _ => state,
        };

    /// <summary>Versions only go forward: an older copy (a late event, a reload racing a move) never replaces a newer one.</summary>
    private static ImmutableDictionary<Guid, OpportunityCard> Newer(
        PipelineState state, OpportunityCard card) =>
        state.Cards.TryGetValue(card.Id, out var existing) && existing.Version > card.Version
            ? state.Cards
            : state.Cards.SetItem(card.Id, card);
}
