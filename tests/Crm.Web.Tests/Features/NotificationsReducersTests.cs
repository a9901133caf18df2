using Crm.Domain.Notifications;
using Crm.Web.Features.Admin;
using Crm.Web.Features.Notifications;
using Crm.Web.State;
using Crm.Web.Tests.Support;

namespace Crm.Web.Tests.Features;

public sealed class NotificationsReducersTests
{
    [Fact]
    public void WhenNotificationsStartLoading_TheStateSaysLoading()
    {
        NotificationsReducers.OnLoadNotifications(new NotificationsState(), new LoadNotificationsAction()).IsLoading.ShouldBeTrue();
    }

    [Fact]
    public void WhenNotificationsLoad_TheyReplaceTheItemsAndLoadingEnds()
    {
        var loading = new NotificationsState { IsLoading = true, Items = [Samples.Notification()] };
        var loaded = new[] { Samples.Notification(), Samples.Notification(isRead: true) };

        var state = NotificationsReducers.OnLoadNotificationsSucceeded(loading, new LoadNotificationsSucceededAction([.. loaded]));

        state.Items.ShouldBe(loaded);
        state.IsLoading.ShouldBeFalse();
        state.UnreadCount.ShouldBe(1);
    }

    [Fact]
    public void WhenLoadingFails_LoadingEnds()
    {
        var loading = new NotificationsState { IsLoading = true };

        var state = NotificationsReducers.OnEffectFailed(loading, new EffectFailedAction(new LoadNotificationsAction(), new InvalidOperationException()));

        state.IsLoading.ShouldBeFalse();
    }

    [Fact]
    public void WhenAnotherEffectFails_TheNotificationsAreUnchanged()
    {
        var loading = new NotificationsState { IsLoading = true };

        var state = NotificationsReducers.OnEffectFailed(loading, new EffectFailedAction(new LoadUsersAction(), new InvalidOperationException()));

        state.ShouldBeSameAs(loading);
    }

    [Fact]
    public void WhenAnUnreadNotificationIsRead_OnlyItIsMarkedAndTheCountDrops()
    {
        var target = Samples.Notification();
        var other = Samples.Notification();

        var state = NotificationsReducers.OnMarkNotificationRead(Samples.NotificationsWith(target, other), new MarkNotificationReadAction(target.Id));

        state.Items.Single(i => i.Id == target.Id).IsRead.ShouldBeTrue();
        state.Items.Single(i => i.Id == other.Id).IsRead.ShouldBeFalse();
        state.UnreadCount.ShouldBe(1);
    }

    [Fact]
    public void WhenAnAlreadyReadNotificationIsRead_TheStateIsReturnedUnchanged()
    {
        var read = Samples.Notification(isRead: true);
        var before = Samples.NotificationsWith(read, Samples.Notification());

        NotificationsReducers.OnMarkNotificationRead(before, new MarkNotificationReadAction(read.Id)).ShouldBeSameAs(before);
    }

    [Fact]
    public void WhenAnUnknownNotificationIsRead_TheStateIsReturnedUnchanged()
    {
        var before = Samples.NotificationsWith(Samples.Notification());

        NotificationsReducers.OnMarkNotificationRead(before, new MarkNotificationReadAction(NotificationId.New())).ShouldBeSameAs(before);
    }

    [Fact]
    public void WhenAllAreMarkedRead_TheUnreadCountIsZeroAndTheOrderIsKept()
    {
        var items = new[] { Samples.Notification(), Samples.Notification(isRead: true), Samples.Notification() };

        var state = NotificationsReducers.OnMarkAllNotificationsRead(Samples.NotificationsWith(items), new MarkAllNotificationsReadAction());

        state.UnreadCount.ShouldBe(0);
        state.Items.Select(i => i.Id).ShouldBe(items.Select(i => i.Id));
    }

    [Fact]
    public void WhenAllAreMarkedReadWithNothingUnread_TheStateIsReturnedUnchanged()
    {
        var before = Samples.NotificationsWith(Samples.Notification(isRead: true));

        NotificationsReducers.OnMarkAllNotificationsRead(before, new MarkAllNotificationsReadAction()).ShouldBeSameAs(before);
    }

    [Fact]
    public void WhenANotificationArrivesRemotely_ItIsShownFirst()
    {
        var older = Samples.Notification(isRead: true);
        var arrived = Samples.Notification();

        var state = NotificationsReducers.OnNotificationReceivedRemotely(Samples.NotificationsWith(older), new NotificationReceivedRemotelyAction(arrived));

        state.Items.ShouldBe([arrived, older]);
        state.UnreadCount.ShouldBe(1);
    }

    [Fact]
    public void WhenTheSameNotificationArrivesTwice_TheStateIsReturnedUnchanged()
    {
        var arrived = Samples.Notification();
        var before = Samples.NotificationsWith(arrived);

        NotificationsReducers.OnNotificationReceivedRemotely(before, new NotificationReceivedRemotelyAction(arrived with { IsRead = true }))
            .ShouldBeSameAs(before);
    }
}
