using System.Collections.Immutable;
using Crm.Infrastructure.Realtime;
using Crm.Web.Features.Shell;
using Crm.Web.Identity;
using Crm.Web.Realtime;
using Crm.Web.State;

namespace Crm.Web.Features.Opportunities;

/// <summary>
/// The circuit's live link to the pipeline board, with visibility applied to every event (an event
/// never reaches a user who could not query the card).
/// </summary>
public sealed class PipelineLive(
    IBoardFeed feed, OpportunityCommands commands, CurrentUser currentUser, PresenceTracker presence, IDispatcher dispatcher,
    IState<PipelineState> state, IState<ShellState> shell)
    : LiveBoardLink(feed, currentUser, presence, Boards.Opportunities)
{
    /// <summary>The board's filter (with the shell's shop) and column limits now; a filter changed during a load loads again.</summary>
    protected override async Task<long> ReloadAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var filter = CurrentFilter();
            var load = await commands.LoadBoardAsync(filter, state.Value.Limits, cancellationToken);
            if (CurrentFilter() != filter)
            {
                continue;
            }

            dispatcher.Dispatch(new LoadPipelineSucceededAction(load.Cards, load.Settings, load.Totals, load.Owners, load.Query, load.LoadedAt, load.PageSize));
            return load.Sequence;
        }
    }

    /// <summary>True when the board shows another filter than the one it loaded (the URL's or the shell's shop changed).</summary>
    public bool IsBehind => state.Value.IsLoaded && state.Value.Query != CurrentFilter();

    public PipelineFilter CurrentFilter() => PipelineView.Effective(state.Value.Filter, shell.Value.SelectedShopId?.Value);

    protected override void Apply(BoardEvent boardEvent)
    {
        if (boardEvent.CardJson is null)
        {
            return;
        }

        var card = OpportunityCard.FromJson(boardEvent.CardJson);
        if (boardEvent.Kind == BoardEventKinds.Removed || CurrentUser.Scope is not { } scope || !OpportunityCommands.CanSee(scope, card))
        {
            // Not (or no longer) visible to this user: it leaves the board if it was on it.
            dispatcher.Dispatch(new OpportunityRemovedRemotelyAction(card.Id));
            return;
        }

        dispatcher.Dispatch(new OpportunityChangedRemotelyAction(card, boardEvent.Kind == BoardEventKinds.Added));
    }

    protected override void OnPresence(ImmutableList<PresenceEntry> present) => dispatcher.Dispatch(new PipelinePresenceChangedAction(present));
}
