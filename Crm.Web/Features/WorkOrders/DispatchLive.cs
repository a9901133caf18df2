using System.Collections.Immutable;
using Crm.Infrastructure.Realtime;
using Crm.Web.Identity;
using Crm.Web.Realtime;
using Crm.Web.State;

namespace Crm.Web.Features.WorkOrders;

/// <summary>
/// The circuit's live link to the work-orders board, shared by the dispatch board, the technician's
/// list and the service dashboard: each open page holds it, the last one to close stops it. Every
/// event passes the same visibility rule as the queries (a technician gets only their own orders).
/// </summary>
public sealed class DispatchLive(
    IBoardFeed feed, WorkOrderCommands commands, CurrentUser currentUser, PresenceTracker presence, IDispatcher dispatcher)
    : LiveBoardLink(feed, currentUser, presence, Boards.WorkOrders)
{
    protected override async Task<long> ReloadAsync(CancellationToken cancellationToken)
    {
        var load = await commands.LoadBoardAsync(cancellationToken);
        dispatcher.Dispatch(new LoadDispatchSucceededAction(load.Cards, load.Technicians));
        return load.Sequence;
    }

    protected override void Apply(BoardEvent boardEvent)
    {
        if (boardEvent.CardJson is null)
        {
            return;
        }

        var card = WorkOrderCard.FromJson(boardEvent.CardJson);
        if (boardEvent.Kind == BoardEventKinds.Removed || CurrentUser.Scope is not { } scope || !WorkOrderCommands.CanSee(scope, card))
        {
            // Not (or no longer) visible to this user, e.g. reassigned away from this technician.
            dispatcher.Dispatch(new WorkOrderRemovedRemotelyAction(card.Id));
            return;
        }

        dispatcher.Dispatch(new WorkOrderChangedRemotelyAction(card));
    }

    protected override void OnPresence(ImmutableList<PresenceEntry> present) => dispatcher.Dispatch(new DispatchPresenceChangedAction(present));
}
