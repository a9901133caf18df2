using System.Collections.Immutable;
using Crm.Infrastructure.Realtime;
using Crm.Web.Identity;
using Crm.Web.Realtime;
using Crm.Web.State;

namespace Crm.Web.Features.Opportunities;

/// <summary>
/// The circuit's live link to the pipeline board, with visibility applied to every event (an event
/// never reaches a user who could not query the card).
/// </summary>
public sealed class PipelineLive(
    IBoardFeed feed, OpportunityCommands commands, CurrentUser currentUser, PresenceTracker presence, IDispatcher dispatcher)
    : LiveBoardLink(feed, currentUser, presence, Boards.Opportunities)
{
    protected override async Task<long> ReloadAsync(CancellationToken cancellationToken)
    {
        var load = await commands.LoadBoardAsync(cancellationToken);
        dispatcher.Dispatch(new LoadPipelineSucceededAction(load.Cards, load.Settings));
        return load.Sequence;
    }

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

        dispatcher.Dispatch(new OpportunityChangedRemotelyAction(card));
    }

    protected override void OnPresence(ImmutableList<PresenceEntry> present) => dispatcher.Dispatch(new PipelinePresenceChangedAction(present));
}
