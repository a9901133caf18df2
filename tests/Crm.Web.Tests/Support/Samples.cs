using System.Collections.Immutable;
using Crm.Domain.Notifications;
using Crm.Domain.Organization;
using Crm.Web.Features.Admin;
using Crm.Web.Features.Notifications;
using Crm.Web.Features.Shell;

namespace Crm.Web.Tests.Support;

/// <summary>Small builders for the production slices' states and actions.</summary>
public static class Samples
{
    public static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);

    public static ShopOption Shop(string name) => new(ShopId.New(), name);

    public static ShellState ShellWith(params ShopOption[] shops) => new() { Shops = [.. shops] };

    /// <summary>A welcome notification ("Welcome to Crm, {0}! ..."), for <paramref name="name"/>.</summary>
    public static NotificationItem Notification(bool isRead = false, string name = "Li Wei") =>
        new(NotificationId.New(), "Notification.Welcome", [name], "/", Now, isRead);

    public static NotificationsState NotificationsWith(params NotificationItem[] items) => new() { Items = [.. items] };

    public static UserRow User(string email = "rep@example.test", string name = "Li Wei", string role = Roles.SalesRep) =>
        new(Guid.NewGuid(), email, name, role, [ShopId.New()], IsHeadOffice: false, IsDisabled: false, IsLockedOut: false);

    public static UserInput Input(string email = "new@example.test", string name = "New Person") =>
        new(email, name, "Secret123!", Roles.SalesRep, ImmutableArray<ShopId>.Empty, IsHeadOffice: true);
}
