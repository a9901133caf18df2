using System.Collections.Immutable;
using Crm.Infrastructure.Realtime;
using Crm.Web.Identity;
using Crm.Web.Realtime;
using Crm.Web.State;

namespace Crm.Web.Features.Approvals;

/// <summary>The circuit's live link to the approvals board; every event goes through the board's visibility rule.</summary>
public sealed class ApprovalsLive(
    IBoardFeed feed, ApprovalCommands commands, CurrentUser currentUser, PresenceTracker presence, IDispatcher dispatcher)
    : LiveBoardLink(feed, currentUser, presence, Boards.Approvals)
{
    protected override async Task<long> ReloadAsync(CancellationToken cancellationToken)
    {
        var load = await commands.LoadBoardAsync(cancellationToken);
        dispatcher.Dispatch(new LoadApprovalsSucceededAction(load.Cards));
        return load.Sequence;
    }

    protected override void Apply(BoardEvent boardEvent)
    {
        if (boardEvent.CardJson is null)
        {
            return;
        }

        var card = ApprovalCard.FromJson(boardEvent.CardJson);
        if (boardEvent.Kind == BoardEventKinds.Removed || CurrentUser.Scope is not { } scope || !ApprovalCommands.CanSee(scope, card))
        {
            // Not (or no longer) visible to this user: it leaves the board if it was on it.
            dispatcher.Dispatch(new ApprovalRemovedRemotelyAction(card.Id));
            return;
        }

        dispatcher.Dispatch(new ApprovalChangedRemotelyAction(card));
    }

    protected override void OnPresence(ImmutableList<PresenceEntry> present) => dispatcher.Dispatch(new ApprovalsPresenceChangedAction(present));
}
