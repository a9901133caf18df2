using Crm.Web.State;

namespace Crm.Web.Features.Notifications;

public sealed class NotificationsEffects(NotificationCommands commands, NotificationsLive live)
{
    /// <summary>The first load starts the live link (which loads); a later one reloads the list.</summary>
    [EffectMethod]
    public async Task HandleLoad(LoadNotificationsAction action, IDispatcher dispatcher)
    {
        if (!await live.StartAsync())
        {
            dispatcher.Dispatch(new LoadNotificationsSucceededAction(await commands.LoadAsync()));
        }
    }

    [EffectMethod]
    public Task HandleMarkRead(MarkNotificationReadAction action, IDispatcher dispatcher) => commands.MarkReadAsync(action.Id);

    [EffectMethod]
    public Task HandleMarkAllRead(MarkAllNotificationsReadAction action, IDispatcher dispatcher) => commands.MarkAllReadAsync();
}
