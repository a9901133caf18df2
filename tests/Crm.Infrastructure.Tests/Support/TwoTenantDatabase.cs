using Crm.Domain.Notifications;
using Crm.Domain.Organization;
using Crm.Infrastructure.Seeding;
using Microsoft.EntityFrameworkCore;

namespace Crm.Infrastructure.Tests.Support;

/// <summary>
/// The demo data, plus what the demo seeding gives the second tenant too little of (a region,
/// a team, a notification), so that each tenant owns rows of every tenant-owned type.
/// </summary>
public sealed class TwoTenantDatabase : DemoDatabase
{
    public static readonly TenantId Demo = DemoIds.DemoTenant;
    public static readonly TenantId Other = DemoIds.OtherTenant;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using var db = CreateFor(Other);
        var other = await db.Tenants.Include(t => t.Shops).Include(t => t.Teams).Include(t => t.Regions).SingleAsync();
        other.AddRegion(RegionId.New(), "West", "west");
        other.FormTeam(TeamId.New(), "Main sales", DemoIds.OtherShop);
        db.Notifications.Add(Notification.Send(Other, DemoIds.OtherAdmin, "Notification.Welcome", ["Other Admin"], "/", Clock.GetUtcNow()));
        await db.SaveChangesAsync();
    }
}
