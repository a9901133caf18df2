using Crm.Domain.Notifications;
using Crm.Domain.Organization;
using Crm.Domain.Tests.Builders;

namespace Crm.Domain.Tests.Notifications;

public sealed class NotificationMarkReadTests
{
    [Fact]
    public void WhenUnread_RecordsTheReadTime()
    {
        var notification = Unread();

        notification.MarkRead(Moments.Later);

        notification.IsRead.ShouldBeTrue();
        notification.ReadAt.ShouldBe(Moments.Later);
    }

    [Fact]
    public void WhenAlreadyRead_KeepsTheFirstReadTime()
    {
        var notification = Unread();
        notification.MarkRead(Moments.Now);

        notification.MarkRead(Moments.Later);

        notification.ReadAt.ShouldBe(Moments.Now);
    }

    [Fact]
    public void WhenRead_RaisesNoEventAndLeavesTheVersion()
    {
        var notification = Unread();

        notification.MarkRead(Moments.Later);

        notification.DomainEvents.ShouldBeEmpty();
        notification.Version.ShouldBe(0);
    }

    private static Notification Unread()
    {
        var notification = Notification.Send(TenantId.New(), UserId.New(), "Notification.Welcome", ["Li Wei"], "/", Moments.Now);
        notification.ClearDomainEvents();
        return notification;
    }
}
