using Crm.Infrastructure.Realtime;
using Crm.Web.Identity;
using Crm.Web.Realtime;
using Crm.Web.State;

namespace Crm.Web.Features.Notifications;

/// <summary>The bell's live link: new notifications for this user arrive without a reload; a gap reloads the list.</summary>
public sealed class NotificationsLive(IBoardFeed feed, NotificationCommands commands, CurrentUser currentUser, IDispatcher dispatcher) : IAsyncDisposable
{
    private BoardConnection? _connection;

    /// <summary>Starts the link and loads the list; false when it was already running (or nobody is signed in).</summary>
    public async Task<bool> StartAsync()
    {
        if (_connection is not null || currentUser.Scope is not { } scope)
        {
            return false;
        }

        _connection = new BoardConnection(feed, scope.TenantId.Value, NotificationCard.Board, ReloadAsync, Apply);
        await _connection.StartAsync();
        return true;
    }

    public ValueTask DisposeAsync() => _connection?.DisposeAsync() ?? ValueTask.CompletedTask;

    private async Task<long> ReloadAsync(CancellationToken cancellationToken)
    {
        var (items, sequence) = await commands.LoadWithSequenceAsync(cancellationToken);
        dispatcher.Dispatch(new LoadNotificationsSucceededAction(items));
        return sequence;
    }

    private void Apply(BoardEvent boardEvent)
    {
        if (boardEvent.OwnerId != currentUser.Scope?.UserId.Value || boardEvent.CardJson is null)
        {
            return; // someone else's notification
        }

        var card = NotificationCard.FromJson(boardEvent.CardJson);
        dispatcher.Dispatch(new NotificationReceivedRemotelyAction(
            new NotificationItem(new(card.Id), card.MessageKey, [.. card.Arguments], card.Link, card.CreatedAt, card.IsRead)));
    }
}
