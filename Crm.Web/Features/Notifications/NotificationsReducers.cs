using Crm.Web.State;

namespace Crm.Web.Features.Notifications;

public static class NotificationsReducers
{
    [ReducerMethod]
    public static NotificationsState OnLoadNotifications(NotificationsState state, LoadNotificationsAction action) =>
        state with { IsLoading = true };

    [ReducerMethod]
    public static NotificationsState OnLoadNotificationsSucceeded(NotificationsState state, LoadNotificationsSucceededAction action) =>
        state with { Items = action.Items, IsLoading = false };

    [ReducerMethod]
    public static NotificationsState OnEffectFailed(NotificationsState state, EffectFailedAction action) =>
        action.Action is LoadNotificationsAction ? state with { IsLoading = false } : state;

    /// <summary>Optimistic: the badge drops at once; the effect saves it.</summary>
    [ReducerMethod]
    public static NotificationsState OnMarkNotificationRead(NotificationsState state, MarkNotificationReadAction action) =>
        state.Items.Exists(i => i.Id == action.Id && !i.IsRead)
            ? state with { Items = state.Items.ConvertAll(i => i.Id == action.Id ? i with { IsRead = true } : i) }
            : state;

    [ReducerMethod]
    public static NotificationsState OnMarkAllNotificationsRead(NotificationsState state, MarkAllNotificationsReadAction action) =>
        state.Items.Exists(i => !i.IsRead)
            ? state with { Items = state.Items.ConvertAll(i => i.IsRead ? i : i with { IsRead = true }) }
            : state;

    [ReducerMethod]
    public static NotificationsState OnNotificationReceivedRemotely(NotificationsState state, NotificationReceivedRemotelyAction action) =>
        state.Items.Exists(i => i.Id == action.Item.Id)
            ? state
            : state with { Items = state.Items.Insert(0, action.Item) };
}
