using Crm.Web.State;

namespace Crm.Web.Features.Notifications;

public sealed class NotificationsEffects(NotificationCommands commands, NotificationsLive live)
{
    /// <summary>Loads the list and keeps it live from then on.</summary>
    [EffectMethod]
    public async Task HandleLoad(LoadNotificationsAction action, IDispatcher dispatcher)
    {
        dispatcher.Dispatch(new LoadNotificationsSucceededAction(await commands.LoadAsync()));
        await live.StartAsync();
    }

    [EffectMethod]
    public Task HandleMarkRead(MarkNotificationReadAction action, IDispatcher dispatcher) => commands.MarkReadAsync(action.Id);

    [EffectMethod]
    public Task HandleMarkAllRead(MarkAllNotificationsReadAction action, IDispatcher dispatcher) => commands.MarkAllReadAsync();
}
