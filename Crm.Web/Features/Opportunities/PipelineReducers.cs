using System.Collections.Immutable;
using Crm.Domain.Opportunities;
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
        var query = action.Query ?? state.Filter;
        var loaded = state with
        {
            Cards = action.Cards.ToImmutableDictionary(c => c.Id),
            IsLoading = false,
            IsLoaded = true,
            Settings = action.Settings,
            Query = query,
            LoadedAt = action.LoadedAt,
            PageSize = action.PageSize,
            Owners = action.Owners ?? [.. action.Cards.Select(c => new OwnerOption(c.OwnerId, c.OwnerName)).Distinct().OrderBy(o => o.Name, StringComparer.CurrentCulture)],
            Totals = ImmutableDictionary<OpportunityStage, StageTotals>.Empty,
        };
        loaded = loaded with
        {
            Totals = action.Totals ?? action.Cards.Aggregate(loaded.Totals, (totals, card) => Shift(loaded, totals, null, card)),
        };

        foreach (var (id, pending) in state.Pending)
        {
            if (loaded.Cards.TryGetValue(id, out var card) && card.Version == pending.ExpectedVersion)
            {
                loaded = Put(loaded, card with { Stage = pending.To }, card);
            }
        }

        return loaded;
    }

    [ReducerMethod]
    public static PipelineState OnShowMorePipelineStage(PipelineState state, ShowMorePipelineStageAction action) =>
        state with { Limits = state.Limits.SetItem(action.Stage, state.LimitOf(action.Stage) + state.PageSize) };

    /// <summary>More cards of a column: counted in the totals already, so only a newer copy of a card shown shifts them.</summary>
    [ReducerMethod]
    public static PipelineState OnPipelineStageLoaded(PipelineState state, PipelineStageLoadedAction action) =>
        action.Cards
            .Where(card => !state.Pending.ContainsKey(card.Id))
            .Aggregate(state, (s, card) => Newer(s, card, s.Cards.GetValueOrDefault(card.Id) ?? card));

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
        return Put(state, card with { Stage = action.Target }, card) with
        {
            Pending = state.Pending.SetItem(card.Id, pending),
            AwaitingCompletion = null,
        };
    }

    [ReducerMethod]
    public static PipelineState OnMoveOpportunitySucceeded(PipelineState state, MoveOpportunitySucceededAction action) =>
        Newer(state, action.Card) with { Pending = state.Pending.Remove(action.Card.Id) };

    [ReducerMethod]
    public static PipelineState OnMoveOpportunityFailed(PipelineState state, MoveOpportunityFailedAction action)
    {
        var rolledBack = state;
        if (action.Current is not null)
        {
            // The server's card, unless a newer one has arrived meanwhile: versions only go forward here too.
            rolledBack = Newer(state, action.Current);
        }
        else if (state.Pending.TryGetValue(action.CardId, out var pending) && state.Cards.TryGetValue(action.CardId, out var card))
        {
            rolledBack = Put(state, card with { Stage = pending.From }, card);
        }

        return rolledBack with
        {
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

        // A card this board never loaded (its column is paged) was counted where the event says it came from.
        var before = state.Cards.GetValueOrDefault(action.Card.Id)
            ?? (action.Added ? null : action.Card with { Stage = action.Card.MovedFrom ?? action.Card.Stage });
        return Newer(state, action.Card, before);
    }

    [ReducerMethod]
    public static PipelineState OnOpportunityRemovedRemotely(PipelineState state, OpportunityRemovedRemotelyAction action) =>
        state.Cards.TryGetValue(action.CardId, out var card)
            ? state with { Cards = state.Cards.Remove(action.CardId), Totals = Shift(state, state.Totals, card, null) }
            : state;

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
    private static PipelineState Newer(PipelineState state, OpportunityCard card) => Newer(state, card, state.Cards.GetValueOrDefault(card.Id));

    private static PipelineState Newer(PipelineState state, OpportunityCard card, OpportunityCard? before) =>
        state.Cards.TryGetValue(card.Id, out var existing) && existing.Version > card.Version
            ? state
            : Put(state, card, before);

    /// <summary>Sets a card and moves its share of the column totals from what it was to what it is.</summary>
    private static PipelineState Put(PipelineState state, OpportunityCard card, OpportunityCard? before) =>
        state with { Cards = state.Cards.SetItem(card.Id, card), Totals = Shift(state, state.Totals, before, card) };

    private static ImmutableDictionary<OpportunityStage, StageTotals> Shift(
        PipelineState state, ImmutableDictionary<OpportunityStage, StageTotals> totals, OpportunityCard? before, OpportunityCard? after)
    {
        var today = DateOnly.FromDateTime(state.LoadedAt.UtcDateTime);
        if (before is not null && PipelineView.Matches(before, state.Query, state.Settings, state.LoadedAt))
        {
            totals = Add(totals, before, -1, today);
        }

        if (after is not null && PipelineView.Matches(after, state.Query, state.Settings, state.LoadedAt))
        {
            totals = Add(totals, after, 1, today);
        }

        return totals;
    }

    private static ImmutableDictionary<OpportunityStage, StageTotals> Add(
        ImmutableDictionary<OpportunityStage, StageTotals> totals, OpportunityCard card, int sign, DateOnly today)
    {
        var t = totals.GetValueOrDefault(card.Stage) ?? StageTotals.Empty(card.Stage);
        var amount = sign * card.Amount;
        return totals.SetItem(card.Stage, t with
        {
            Count = t.Count + sign,
            Amount = t.Amount + amount,
            Due30 = t.Due30 + (card.ExpectedCloseDate <= today.AddDays(30) ? amount : 0m),
            Due90 = t.Due90 + (card.ExpectedCloseDate <= today.AddDays(90) ? amount : 0m),
        });
    }
}
