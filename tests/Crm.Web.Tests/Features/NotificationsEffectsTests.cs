using Crm.Domain.Notifications;
using Crm.Infrastructure.Seeding;
using Crm.Web.Features.Notifications;
using Crm.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Crm.Web.Tests.Features;

public sealed class NotificationsEffectsTests : IAsyncLifetime
{
    private readonly AppServices _app = new();
    private readonly RecordingDispatcher _dispatcher = new();
    private Notification _adminsOlder = null!;
    private Notification _adminsNewer = null!;
    private Notification _repsOwn = null!;

    public async Task InitializeAsync()
    {
        await _app.InitializeAsync();
        var now = _app.Clock.GetUtcNow();
        _adminsOlder = Notification.Send(DemoIds.DemoTenant, DemoIds.Admin, "Notification.Welcome", ["older"], null, now.AddYears(1));
        _adminsNewer = Notification.Send(DemoIds.DemoTenant, DemoIds.Admin, "Notification.Welcome", ["newer"], "/admin/users", now.AddYears(1).AddMinutes(5));
        _repsOwn = Notification.Send(DemoIds.DemoTenant, DemoIds.Rep1, "Notification.Welcome", ["rep"], null, now.AddYears(1).AddMinutes(9));
        await using var db = _app.Database.OpenDemo();
        db.Notifications.AddRange(_adminsOlder, _adminsNewer, _repsOwn);
        await db.SaveChangesAsync();
        _app.SignIn(DemoUsers.Admin);
    }

    public Task DisposeAsync() => _app.DisposeAsync();

    // The live link dispatches the first load through the same recording dispatcher.
    private NotificationsEffects Effects => new(
        _app.Get<NotificationCommands>(),
        new NotificationsLive(_app.Get<Crm.Infrastructure.Realtime.IBoardFeed>(), _app.Get<NotificationCommands>(), _app.Get<Crm.Web.Identity.CurrentUser>(), _dispatcher));

    [Fact]
    public async Task WhenNotificationsLoad_OnlyTheUsersOwnArriveNewestFirst()
    {
        await Effects.HandleLoad(new LoadNotificationsAction(), _dispatcher);

        var items = _dispatcher.Actions.ShouldHaveSingleItem().ShouldBeOfType<LoadNotificationsSucceededAction>().Items;
        items.Take(2).Select(i => i.Id).ShouldBe([_adminsNewer.Id, _adminsOlder.Id]);
        items.Select(i => i.Id).ShouldNotContain(_repsOwn.Id);
        items[0].Arguments.ShouldBe(["newer"]);
        items[0].Link.ShouldBe("/admin/users");
        items.ShouldAllBe(i => !i.IsRead);
    }

    [Fact]
    public async Task WhenOneIsMarkedRead_ItIsSavedAsReadAtTheClocksTime()
    {
        await Effects.HandleMarkRead(new MarkNotificationReadAction(_adminsOlder.Id), _dispatcher);

        (await ReadAtAsync(_adminsOlder.Id)).ShouldBe(Samples.Now);
        (await ReadAtAsync(_adminsNewer.Id)).ShouldBeNull();
    }

    [Fact]
    public async Task WhenAnotherUsersNotificationIsMarkedRead_ItStaysUnread()
    {
        await Effects.HandleMarkRead(new MarkNotificationReadAction(_repsOwn.Id), _dispatcher);

        (await ReadAtAsync(_repsOwn.Id)).ShouldBeNull();
    }

    [Fact]
    public async Task WhenAllAreMarkedRead_OnlyTheUsersOwnAreSaved()
    {
        await Effects.HandleMarkAllRead(new MarkAllNotificationsReadAction(), _dispatcher);

        (await ReadAtAsync(_adminsOlder.Id)).ShouldBe(Samples.Now);
        (await ReadAtAsync(_adminsNewer.Id)).ShouldBe(Samples.Now);
        (await ReadAtAsync(_repsOwn.Id)).ShouldBeNull();
        _dispatcher.Actions.ShouldBeEmpty();
    }

    private async Task<DateTimeOffset?> ReadAtAsync(NotificationId id)
    {
        await using var db = _app.Database.OpenDemo();
        return (await db.Notifications.SingleAsync(n => n.Id == id)).ReadAt;
    }
}
